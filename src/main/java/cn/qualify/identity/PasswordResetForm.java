package cn.qualify.identity;

/** A new password that an administrator sets for an account. */
class PasswordResetForm {

    private String password;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
