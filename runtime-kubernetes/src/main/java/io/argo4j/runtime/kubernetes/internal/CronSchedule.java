package io.argo4j.runtime.kubernetes.internal;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CronWorkflow's schedules (standard 5-field cron with robfig's nicknames, L, W and #) in its
 * time zone. {@code @every} and {@code CRON_TZ=} prefixes are refused with a clear message.
 */
public final class CronSchedule {
  private static final CronDefinition DEFINITION =
      CronDefinitionBuilder.defineCron()
          .withMinutes()
          .and()
          .withHours()
          .and()
          .withDayOfMonth()
          .supportsL()
          .supportsW()
          .supportsQuestionMark()
          .and()
          .withMonth()
          .and()
          .withDayOfWeek()
          .withValidRange(0, 7)
          .withMondayDoWValue(1)
          .withIntMapping(7, 0)
          .supportsHash()
          .supportsL()
          .supportsQuestionMark()
          .and()
          .withSupportedNicknameYearly()
          .withSupportedNicknameAnnually()
          .withSupportedNicknameMonthly()
          .withSupportedNicknameWeekly()
          .withSupportedNicknameDaily()
          .withSupportedNicknameMidnight()
          .withSupportedNicknameHourly()
          .instance();
  private static final CronParser PARSER = new CronParser(DEFINITION);

  private final List<ExecutionTime> schedules;
  private final ZoneId zone;

  private CronSchedule(List<ExecutionTime> schedules, ZoneId zone) {
    this.schedules = schedules;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException naming the schedule or time zone that cannot be used
   */
  public static CronSchedule parse(List<String> schedules, String timezone) {
    if (schedules == null || schedules.isEmpty()) {
      throw new IllegalArgumentException("spec.schedules is empty");
    }
    ZoneId zone;
    try {
      zone = timezone == null || timezone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(timezone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown timeZone " + timezone, e);
    }
    List<ExecutionTime> parsed = new ArrayList<>();
    for (String s : schedules) {
      if (s.startsWith("@every") || s.startsWith("CRON_TZ=") || s.startsWith("TZ=")) {
        throw new IllegalArgumentException(
            "schedule \"" + s + "\" is not supported yet (@every and CRON_TZ= prefixes)");
      }
      try {
        Cron cron = PARSER.parse(s.trim());
        parsed.add(ExecutionTime.forCron(cron));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid schedule \"" + s + "\": " + e.getMessage(), e);
      }
    }
    return new CronSchedule(parsed, zone);
  }

  /** The latest tick of any schedule in {@code (after, upTo]}, if there is one. */
  public Optional<Instant> latestTick(Instant after, Instant upTo) {
    Instant best = null;
    ZonedDateTime end = upTo.atZone(zone);
    for (ExecutionTime t : schedules) {
      Optional<ZonedDateTime> last =
          t.isMatch(end.withNano(0)) && end.getSecond() == 0
              ? Optional.of(end.withNano(0))
              : t.lastExecution(end);
      if (last.isPresent()) {
        Instant at = last.get().toInstant();
        if (at.isAfter(after) && !at.isAfter(upTo) && (best == null || at.isAfter(best))) {
          best = at;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The next tick of any schedule after {@code after}. */
  public Optional<Instant> nextTick(Instant after) {
    Instant best = null;
    for (ExecutionTime t : schedules) {
      Optional<ZonedDateTime> next = t.nextExecution(after.atZone(zone));
      if (next.isPresent() && (best == null || next.get().toInstant().isBefore(best))) {
        best = next.get().toInstant();
      }
    }
    return Optional.ofNullable(best);
  }
}
