package io.ope4j.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session all test classes share (settings from build-notes.md): started
 * by the first class, never stopped by a class (the test JVM's exit ends it), so that the
 * module pays Spark's start-up once.
 */
final class TestSpark {

  private TestSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .appName("ope4j-spark tests")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
