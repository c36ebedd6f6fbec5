package io.rafka.chaos.check;

/** One property of a run, checked against its indexed history; it logs every violation it finds. */
interface AnomalyCheck {
  void check(HistoryIndex history, AnomalyLog log);
}
