package io.ope4j.spark;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session a test class shares (settings from build-notes.md). */
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
