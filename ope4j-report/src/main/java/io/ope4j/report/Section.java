package io.ope4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of the report: a title, a one-line "how to read this", key figures, warnings in
 * words, charts (each with its table) and tables without a chart.
 *
 * @param title the heading
 * @param howToRead one sentence telling a reader what to look at
 * @param facts key figures as label and value, shown as cards
 * @param warnings problems found, in words
 * @param charts charts, each with its table
 * @param tables tables shown open, without a chart
 * @param notes further remarks (e.g. what the section cannot show)
 */
public record Section(String title, String howToRead, List<Fact> facts, List<String> warnings, List<Chart> charts,
    List<Table> tables, List<String> notes) {

  /** A key figure. */
  public record Fact(String label, String value) {}

  public Section {
    facts = List.copyOf(facts);
    warnings = List.copyOf(warnings);
    charts = List.copyOf(charts);
    tables = List.copyOf(tables);
    notes = List.copyOf(notes);
  }

  /** An empty section. */
  public static Section of(String title, String howToRead) {
    return new Section(title, howToRead, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public Section withFact(String label, String value) {
    return new Section(title, howToRead, plus(facts, new Fact(label, value)), warnings, charts, tables, notes);
  }

  public Section withWarnings(List<String> more) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(more);
    return new Section(title, howToRead, facts, all, charts, tables, notes);
  }

  public Section withChart(Chart chart) {
    return new Section(title, howToRead, facts, warnings, plus(charts, chart), tables, notes);
  }

  public Section withTable(Table table) {
    return new Section(title, howToRead, facts, warnings, charts, plus(tables, table), notes);
  }

  public Section withNote(String note) {
    return new Section(title, howToRead, facts, warnings, charts, tables, plus(notes, note));
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> more = new ArrayList<>(list);
    more.add(item);
    return more;
  }
}
