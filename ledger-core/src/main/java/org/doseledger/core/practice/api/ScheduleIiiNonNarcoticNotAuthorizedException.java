package org.doseledger.core.practice.api;

import java.util.Set;
import org.doseledger.core.shared.ControlledSchedule;
import org.doseledger.core.shared.LedgerRuleViolation;

/**
 * Ketamine and esketamine are Schedule III non-narcotic (DEA drug code 7285, schedule "3N"): a
 * practice whose registration does not authorize 3N cannot hold them.
 */
public class ScheduleIiiNonNarcoticNotAuthorizedException extends LedgerRuleViolation {

    public ScheduleIiiNonNarcoticNotAuthorizedException(String deaNumber, Set<ControlledSchedule> authorized) {
        super("DEA registration " + deaNumber + " authorizes schedules " + authorized
                + " but not schedule IIIN (non-narcotic III: ketamine, esketamine)");
    }

    @Override
    public String code() {
        return "SCHEDULE_IIIN_NOT_AUTHORIZED";
    }
}
