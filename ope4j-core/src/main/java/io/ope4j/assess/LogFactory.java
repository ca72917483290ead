package io.ope4j.assess;

import java.util.List;

/**
 * A source of independent logged datasets with known truth, one per replication of an
 * experiment: synthetic bandits ({@link SyntheticLogFactory}) today, supervised-to-bandit
 * conversions of classification data later. Implementations must be safe to call from several
 * threads and reproducible: the same replication index gives the same rows and truth, whatever
 * the order or thread it is asked for in.
 */
public interface LogFactory {

  /** Names of the candidate policies, the same in every replication. */
  List<String> candidates();

  /**
   * The log of replication {@code replication} (from 0) with its truth.
   *
   * @throws IllegalArgumentException if {@code replication} is negative or beyond what the
   *     factory can produce
   */
  LogWithTruth replicate(int replication);

  /** A short description for people, e.g. the generator's settings. */
  String describe();
}
