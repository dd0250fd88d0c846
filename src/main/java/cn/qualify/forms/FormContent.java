package cn.qualify.forms;

import cn.qualify.registration.Registration;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Everything a printed form shows.
 *
 * @param examPointName the exam point's name, or its code if it is no longer set up
 * @param applicationNumber 报名号, if known
 * @param printedOn the day the PDF was made, in the footer
 */
record FormContent(
        OfferedForm form,
        Registration registration,
        @Nullable String examPointName,
        @Nullable String applicationNumber,
        LocalDate printedOn) {}
