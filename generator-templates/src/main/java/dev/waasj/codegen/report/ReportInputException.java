package dev.waasj.codegen.report;

/** Input the report cannot use (a missing file, a file that is not a spec, the same file twice): one line. */
final class ReportInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ReportInputException(String message) {
    super(message);
  }
}
