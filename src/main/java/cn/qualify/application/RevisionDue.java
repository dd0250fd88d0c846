package cn.qualify.application;

import java.time.Instant;
import java.util.UUID;

/**
 * A returned application and its revision deadline, as the deadline watch and the administrators' extension page
 * list them.
 */
public record RevisionDue(UUID id, String number, String candidateId, String examPointCode, Instant deadline) {}
