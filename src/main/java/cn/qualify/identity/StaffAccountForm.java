package cn.qualify.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A staff account as an administrator creates or edits it; the page form and the JSON body alike. On edit the
 * user name and password are not used; resetting a password has its own request.
 */
class StaffAccountForm {

    private String userName;
    private String displayName;
    private Role role;
    private List<String> examPointCodes = new ArrayList<>();
    private String password;
    private String phone;
    private String email;

    static StaffAccountForm of(Account account) {
        var form = new StaffAccountForm();
        form.userName = account.loginName();
        form.displayName = account.displayName();
        form.role = account.role();
        form.examPointCodes = new ArrayList<>(account.examPointCodes());
        form.phone = account.phone();
        return form;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public List<String> getExamPointCodes() {
        return examPointCodes;
    }

    public void setExamPointCodes(List<String> examPointCodes) {
        this.examPointCodes = examPointCodes == null ? new ArrayList<>() : examPointCodes;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
