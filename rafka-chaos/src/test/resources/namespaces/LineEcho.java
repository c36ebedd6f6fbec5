import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Run inside a network namespace by NetworkNamespacesIT (java LineEcho.java host port): answers each line with
 * the same line, prints "listening" once it accepts connections, and exits when its stdin closes.
 */
public final class LineEcho {
  public static void main(String[] args) throws Exception {
    ServerSocket server = new ServerSocket(Integer.parseInt(args[1]), 50, InetAddress.getByName(args[0]));
    Thread acceptor = new Thread(() -> {
      while (true) {
        try {
          Socket s = server.accept();
          Thread t = new Thread(() -> echo(s));
          t.setDaemon(true);
          t.start();
        } catch (Exception e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    System.out.println("listening");
    System.out.flush();
    while (System.in.read() >= 0) {
      // until the test closes our stdin
    }
    System.exit(0);
  }

  private static void echo(Socket s) {
    try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
         PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.println(line);
      }
    } catch (Exception e) {
      // the test's client went away
    }
  }
}
