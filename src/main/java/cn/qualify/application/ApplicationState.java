package cn.qualify.application;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of an application (DOMAIN.md "Application lifecycle"). */
public enum ApplicationState {
    /** 未提交: the candidate is still uploading. The first state only: no transition leads back to it. */
    DRAFT,
    /** 待考点审核: waiting for the exam point. */
    SUBMITTED,
    /** 退回修改: the candidate must replace the unlocked materials before the deadline. */
    RETURNED,
    /** 现场审核: ID anomaly, checked in person at the exam point (二.9). */
    ONSITE_REVIEW,
    /** 线下审核: active-duty military, paper materials reviewed offline (二.10). */
    OFFLINE_REVIEW,
    /** 考点通过: the exam point recommends a pass; waiting for the district. */
    POINT_PASSED,
    /** 考点不通过: the exam point recommends a fail; waiting for the district. */
    POINT_FAILED,
    /** 审核通过: final (二.6). */
    APPROVED,
    /** 审核不通过: final (二.6). */
    REJECTED,
    /** 逾期未提交: the revision deadline passed without resubmission; final (二.5). */
    EXPIRED,
    /** 已取消: the candidate withdrew. */
    WITHDRAWN;

    private static final Set<ApplicationState> FINAL = EnumSet.of(APPROVED, REJECTED, EXPIRED, WITHDRAWN);

    /** A final application never changes state again. */
    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** States in which the district reviewer decides. */
    public boolean awaitsDistrict() {
        return this == POINT_PASSED || this == POINT_FAILED;
    }

    /** States in which the exam point reviewer decides. */
    public boolean awaitsExamPoint() {
        return this == SUBMITTED || this == ONSITE_REVIEW || this == OFFLINE_REVIEW;
    }
}
