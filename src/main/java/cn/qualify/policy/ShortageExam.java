package cn.qualify.policy;

/** The shortage-specialty add-on exam (短线医学加试, 一(二)) a candidate takes, if any. */
public enum ShortageExam {
    NONE,
    PREHOSPITAL_EMERGENCY,
    PEDIATRICS;

    /** The post (or practice scope) that this add-on exam demands; empty for {@link #NONE}. */
    public java.util.Optional<Post> requiredPost() {
        return this == NONE ? java.util.Optional.empty() : java.util.Optional.of(Post.valueOf(name()));
    }
}
