package org.librarycampaign.crisis;

/**
 * JSON lines (docs/ARCHITECTURE.md#the-json-form-of-events) for the crisis tests; single quotes
 * stand for double quotes.
 */
final class Lines {

  /**
   * The default plan: tier 0 (15 min) a branch manager from LOW (e-mail and SMS), a comms officer
   * from MEDIUM, the director from CRITICAL; tier 1 (30 min) the deputy from MEDIUM by webhook;
   * tier 2 (60 min) the board chair from HIGH by SMS.
   */
  static final String DEFAULT_PLAN =
      q(
          "{'type':'ResponsePlan','branchId':'*',"
              + "'steps':['Hold all campaign posts','Call the branch manager',"
              + "'Send press questions to the comms officer'],"
              + "'tiers':["
              + "{'ackTimeoutMinutes':15,'responders':["
              + "{'responderId':'manager','name':'Dana Reyes','role':'Branch manager',"
              + "'minSeverity':'LOW','contacts':[{'channel':'EMAIL','address':'dana@library.example'},"
              + "{'channel':'SMS','address':'+15550100'}]},"
              + "{'responderId':'comms','name':'Sam Ortiz','role':'Communications officer',"
              + "'minSeverity':'MEDIUM','contacts':[{'channel':'EMAIL','address':'sam@library.example'}]},"
              + "{'responderId':'director','name':'Alex Kim','role':'Library director',"
              + "'minSeverity':'CRITICAL','contacts':[{'channel':'EMAIL','address':'alex@library.example'}]}]},"
              + "{'ackTimeoutMinutes':30,'responders':["
              + "{'responderId':'deputy','name':'Jo Park','role':'Deputy director',"
              + "'minSeverity':'MEDIUM','contacts':[{'channel':'WEBHOOK','address':'https://chat.example/hooks/crisis'}]}]},"
              + "{'ackTimeoutMinutes':60,'responders':["
              + "{'responderId':'board','name':'Pat Lee','role':'Board chair',"
              + "'minSeverity':'HIGH','contacts':[{'channel':'SMS','address':'+15550199'}]}]}]}");

  /** Eastside's own plan: its manager (10 min), then the comms officer. */
  static final String EASTSIDE_PLAN =
      q(
          "{'type':'ResponsePlan','branchId':'eastside','steps':['Close the meeting room'],"
              + "'tiers':["
              + "{'ackTimeoutMinutes':10,'responders':["
              + "{'responderId':'east-manager','name':'Morgan Diaz','role':'Eastside manager',"
              + "'minSeverity':'LOW','contacts':[{'channel':'EMAIL','address':'morgan@library.example'}]}]},"
              + "{'ackTimeoutMinutes':10,'responders':["
              + "{'responderId':'comms','name':'Sam Ortiz','role':'Communications officer',"
              + "'minSeverity':'LOW','contacts':[{'channel':'EMAIL','address':'sam@library.example'}]}]}]}");

  private Lines() {}

  static String reported(String incidentId, String branchId, String severity, String at) {
    return q(
        "{'type':'IncidentReported','incidentId':'"
            + incidentId
            + "','branchId':'"
            + branchId
            + "','severity':'"
            + severity
            + "','category':'BOOK_CHALLENGE','summary':'Petition to remove a picture book',"
            + "'reportedBy':'jlee','reportedAt':'"
            + at
            + "'}");
  }

  static String acknowledged(String incidentId, String branchId, String by, String at) {
    return q(
        "{'type':'IncidentAcknowledged','incidentId':'"
            + incidentId
            + "','branchId':'"
            + branchId
            + "','by':'"
            + by
            + "','at':'"
            + at
            + "'}");
  }

  static String resolved(String incidentId, String branchId, String by, String at) {
    return q(
        "{'type':'IncidentResolved','incidentId':'"
            + incidentId
            + "','branchId':'"
            + branchId
            + "','by':'"
            + by
            + "','at':'"
            + at
            + "','resolution':'The board kept the book on the shelf'}");
  }

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
