package org.librarycampaign.dashboard.login;

import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which viewers may review posts (approve or reject a held post, apply a suggested slot) and for
 * which branches: the lines {@code reviewer.<user>=*} (every branch) or {@code
 * reviewer.<user>=eastside,westside} of the viewers file. A viewer without such a line only looks.
 */
public final class Reviewers {

  /** The key prefix of a reviewer line in the viewers file. */
  public static final String PREFIX = "reviewer.";

  /** The value that lets a reviewer review every branch. */
  public static final String ALL = "*";

  private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public static final Reviewers NONE = new Reviewers(Map.of());

  private final Map<String, Set<String>> branches;

  private Reviewers(Map<String, Set<String>> branches) {
    this.branches = Map.copyOf(branches);
  }

  /** Reviewers given directly: user -> branch ids, or {@code ["*"]} for every branch. */
  public static Reviewers of(Map<String, Set<String>> branches) {
    Map<String, Set<String>> copy = new TreeMap<>();
    branches.forEach((user, ids) -> copy.put(user, new TreeSet<>(ids)));
    return new Reviewers(copy);
  }

  /**
   * The reviewer lines of a viewers file.
   *
   * @param users the viewers the file names (a reviewer line for anyone else is refused)
   * @throws IllegalArgumentException naming the line at fault
   */
  static Reviewers parse(Properties properties, Set<String> users, String source) {
    Map<String, Set<String>> branches = new TreeMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith(PREFIX)) {
        continue;
      }
      String user = key.substring(PREFIX.length());
      String where = source + " line " + key;
      if (!users.contains(user)) {
        throw new IllegalArgumentException(
            where + ": " + user + " is not a viewer; add a line " + user + "=<password hash>");
      }
      String value = properties.getProperty(key).trim();
      Set<String> ids = new TreeSet<>();
      for (String branch : value.split(",")) {
        String id = branch.trim();
        if (!id.equals(ALL) && !BRANCH.matcher(id).matches()) {
          throw new IllegalArgumentException(
              where
                  + ": '"
                  + id
                  + "' is not a branch id; write * for every branch or branch ids separated by"
                  + " commas");
        }
        ids.add(id);
      }
      if (ids.contains(ALL) && ids.size() > 1) {
        throw new IllegalArgumentException(where + ": * already means every branch");
      }
      branches.put(user, ids);
    }
    return new Reviewers(branches);
  }

  /** Whether the user may review the branch's posts. */
  public boolean mayReview(String user, String branchId) {
    Set<String> ids = user == null ? null : branches.get(user);
    return ids != null && (ids.contains(ALL) || ids.contains(branchId));
  }

  /** The branches the user reviews ({@code ["*"]} for all), empty for a viewer who only looks. */
  public Set<String> branchesOf(String user) {
    return user == null ? Set.of() : branches.getOrDefault(user, Set.of());
  }

  @Override
  public String toString() {
    return "Reviewers" + Arrays.toString(branches.keySet().toArray());
  }
}
