package org.librarycampaign.dashboard.web;

import java.time.LocalDate;
import org.librarycampaign.dashboard.board.Board;

/** Draws the board now. */
@FunctionalInterface
public interface BoardSource {

  /**
   * @param week a day of the calendar's week, or null for the current week
   * @param branch the one branch the calendar shows (in its zone), or null for every branch
   * @throws org.librarycampaign.dashboard.store.ViewUnavailableException when the views cannot be
   *     read now
   */
  Board board(LocalDate week, String branch);
}
