package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClassificationReaderTest {

  static final Path UCI = Path.of("..", "testdata", "uci");

  private static ClassificationData parse(String text) throws IOException {
    return ClassificationReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv");
  }

  @Test
  void iris_withHeader() throws IOException {
    ClassificationData iris = ClassificationReader.read(UCI.resolve("iris.csv"));
    assertThat(iris.rows()).isEqualTo(150);
    assertThat(iris.dim()).isEqualTo(4);
    assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(iris.features()).startsWith(5.1, 3.5, 1.4, 0.2, 4.9);
    assertThat(iris.labels()[0]).isZero();
    assertThat(iris.labels()[149]).isEqualTo(2);
  }

  @Test
  void digits_gzipWithoutHeader() throws IOException {
    ClassificationData digits = ClassificationReader.read(UCI.resolve("digits.csv.gz"));
    assertThat(digits.rows()).isEqualTo(1797);
    assertThat(digits.dim()).isEqualTo(64);
    assertThat(digits.classes()).isEqualTo(10);
    assertThat(digits.labels()).startsWith(0, 1, 2);
  }

  @Test
  void wineAndBreastCancer() throws IOException {
    assertThat(ClassificationReader.read(UCI.resolve("wine_data.csv")).classes()).isEqualTo(3);
    ClassificationData cancer = ClassificationReader.read(UCI.resolve("breast_cancer.csv"));
    assertThat(cancer.rows()).isEqualTo(569);
    assertThat(cancer.dim()).isEqualTo(30);
    assertThat(cancer.classNames()).containsExactly("malignant", "benign");
  }

  @Test
  void numericHeaderOfSameWidth_isStillData() throws IOException {
    // Line 1 "2,1,0" could be a header, but it has only numbers and as many fields as line 2.
    ClassificationData data = parse("2,1,0\n3,4,1\n");
    assertThat(data.rows()).isEqualTo(2);
    assertThat(data.features()).containsExactly(2, 1, 3, 4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing label (empty)     | 3,2,a,b;1.0,2.0,0;1.5,2.5,;2.0,1.0,1 | t.csv row 2, label: missing label",
      "missing label (no field)  | 3,2,a,b;1.0,2.0,0;1.5,2.5;2.0,1.0,1  | t.csv row 2: expected 3 fields (2 features and the label), got 2 (is the label missing?)",
      "non-numeric feature       | 1.0,2.0,0;1.5,abc,1                  | t.csv row 2, x_1 (column 2): not a number: 'abc'",
      "NaN feature               | 1.0,NaN,0;1.5,2.0,1                  | t.csv row 1, x_1 (column 2): must be a finite number",
      "too many fields           | 1.0,2.0,0;1.5,2.0,1,7                | t.csv row 2: expected 3 fields",
      "fractional label          | 1.0,2.0,0;1.5,2.0,1.5                | t.csv row 2, label: must be an integer class",
      "negative label            | 1.0,2.0,0;1.5,2.0,-1                 | t.csv row 2, label: must be an integer class",
      "label beyond the header   | 2,2,a,b;1.0,2.0,0;1.5,2.0,2          | t.csv row 2, label: must be in [0, 2)",
      "truncated per header      | 3,2,a,b;1.0,2.0,0;1.5,2.0,1          | t.csv header: the header says 3 samples, the file has 2 data rows (truncated?)",
      "blank line inside         | 1.0,2.0,0;;1.5,2.0,1                 | t.csv row 2: empty line",
      "one class only            | 1.0,2.0,0;1.5,2.0,0                  | at least 2 classes",
      "header only               | 3,2,a,b                              | t.csv: no data rows"})
  void badInput_namesFileRowAndColumn(String name, String rows, String message) {
    assertThatThrownBy(() -> parse(rows.trim().replace(';', '\n') + "\n"))
        .isInstanceOf(InvalidDataException.class)
        .hasMessageContaining(message.trim());
  }

  @Test
  void emptyFile_isRejected() {
    assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidDataException.class).hasMessage("t.csv: empty file");
  }
}
