package cn.qualify.identity;

/** What a candidate types to create their own account; the page form and the JSON body of the API alike. */
class RegistrationForm {

    private IdType idType = IdType.RESIDENT_ID_CARD;
    private String idNumber;
    private String name;
    private String phone;
    private String password;
    private String passwordConfirmation;
    private String code;

    public IdType getIdType() {
        return idType;
    }

    public void setIdType(IdType idType) {
        this.idType = idType;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public void setIdNumber(String idNumber) {
        this.idNumber = idNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordConfirmation() {
        return passwordConfirmation;
    }

    public void setPasswordConfirmation(String passwordConfirmation) {
        this.passwordConfirmation = passwordConfirmation;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    /** Passwords are never sent back to the browser. */
    void forgetPasswords() {
        password = null;
        passwordConfirmation = null;
    }
}
