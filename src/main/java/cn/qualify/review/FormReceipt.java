package cn.qualify.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The exam point received the candidate's signed 报名暨授予医师资格申请表 (二.8).
 *
 * @param receivedOn the day the form was handed in, in China
 * @param recordedBy display name of the reviewer who recorded it
 */
public record FormReceipt(
        UUID applicationId, LocalDate receivedOn, String recordedById, String recordedBy, Instant recordedAt) {}
