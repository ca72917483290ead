package io.ope4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the ope4j command in-process: exit code, stdout, stderr. */
record SelectCliRun(int code, String out, String err) {

  static SelectCliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ope4j.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new SelectCliRun(code, out.toString(), err.toString());
  }
}
