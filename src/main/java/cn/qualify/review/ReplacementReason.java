package cn.qualify.review;

import java.util.Optional;

/**
 * The reason templates a reviewer picks from when requesting a replacement of a material. The code is stored with
 * the material decision; the text the candidate reads is the message {@link #messageKey()} of the review bundle,
 * followed by the reviewer's own words.
 */
public enum ReplacementReason {
    /** 不清晰: the text or the photo cannot be read (三(二)2). */
    UNCLEAR,
    /** 缺少公章: a required unit stamp is missing (一(五), 二.1). */
    MISSING_STAMP,
    /** 缺少法人签字: the legal representative's signature or seal is missing (一(五)). */
    MISSING_LEGAL_REPRESENTATIVE_SIGNATURE,
    /** 缺少本人签字: the candidate's own signature is missing (二.1). */
    MISSING_OWN_SIGNATURE,
    /** 正本非副本: the licence shown is the original, the duplicate is required (一(四)). */
    ORIGINAL_NOT_DUPLICATE,
    /** 与报名信息不一致: the document does not match the registration info (一(七), 二.1). */
    MISMATCH_WITH_REGISTRATION,
    /** 页面不全: pages are missing, e.g. the licence's change pages (一(四)). */
    INCOMPLETE_PAGES,
    /** 图片方向不正: the photo is rotated or mirrored (三(二)2). */
    NOT_UPRIGHT,
    /** 材料错误: the image is not the material asked for. */
    WRONG_MATERIAL,
    /** 钢印不清晰: the diploma's steel seal is not visible (二.4). */
    STEEL_SEAL_NOT_VISIBLE,
    /** 带教老师信息不全: name, certificate number or practice location missing (二.2). */
    SUPERVISOR_INFO_INCOMPLETE;

    /** The key of the reason's text in {@code i18n/review}. */
    public String messageKey() {
        return "review.reason." + name();
    }

    /** The reason of a code, if the code is one of the templates. */
    public static Optional<ReplacementReason> of(String code) {
        for (ReplacementReason reason : values()) {
            if (reason.name().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
