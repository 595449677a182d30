package org.doseledger.core.practitioner.api;

import java.time.LocalDate;
import java.util.List;
import org.doseledger.core.shared.ControlledSchedule;

/**
 * A practitioner's credentials as recorded: state licence expiry, DEA registration expiry and
 * schedules, KAP training date, ACLS expiry. Null means never recorded.
 */
public record Credentials(
        LocalDate licenceExpiresOn,
        LocalDate deaExpiresOn,
        List<ControlledSchedule> deaSchedules,
        LocalDate kapTrainedOn,
        LocalDate aclsExpiresOn) {

    public static final Credentials NONE = new Credentials(null, null, List.of(), null, null);

    public Credentials {
        deaSchedules = deaSchedules == null ? List.of() : List.copyOf(deaSchedules);
    }

    /**
     * Why these credentials do not allow the action on that date (in the practice's calendar), or null
     * when they do. Clinical acts on stock need a state licence valid that day; prescribing also needs
     * a DEA registration valid that day that covers schedule IIIN (ketamine, esketamine), and so does
     * approving on the registrant's behalf (an override, a correction, a discrepancy's resolution).
     */
    public String problemWith(StockAction action, LocalDate on) {
        boolean clinical = switch (action) {
            case DRAW, ADMINISTER, WASTE, DISPENSE, PRESCRIBE, APPROVE -> true;
            default -> false;
        };
        if (!clinical) {
            return null;
        }
        if (licenceExpiresOn == null) {
            return "no state licence on record";
        }
        if (licenceExpiresOn.isBefore(on)) {
            return "state licence expired on " + licenceExpiresOn + ", before " + on;
        }
        if (action == StockAction.PRESCRIBE || action == StockAction.APPROVE) {
            if (deaExpiresOn == null) {
                return "no DEA registration expiry on record";
            }
            if (deaExpiresOn.isBefore(on)) {
                return "DEA registration expired on " + deaExpiresOn + ", before " + on;
            }
            if (!deaSchedules.contains(ControlledSchedule.IIIN)) {
                return "DEA registration covers " + deaSchedules + ", not schedule IIIN";
            }
        }
        return null;
    }
}
