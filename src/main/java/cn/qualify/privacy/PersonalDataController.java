package cn.qualify.privacy;

import cn.qualify.identity.Account;
import cn.qualify.identity.Accounts;
import cn.qualify.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * A copy of a candidate's personal data: the candidate's own (page {@code /candidate/personal-data}, zip, JSON)
 * and, for administrators answering a request, any candidate's ({@code /admin/candidates/{id}/personal-data.zip}
 * and its JSON twin). The URL rules of {@code identity.SecurityConfiguration} keep each area to its role; a
 * candidate's URLs name no account, so nobody can ask for someone else's.
 */
@Controller
class PersonalDataController {

    private final PersonalDataExport export;
    private final Accounts accounts;

    PersonalDataController(PersonalDataExport export, Accounts accounts) {
        this.export = export;
        this.accounts = accounts;
    }

    @GetMapping("/candidate/personal-data")
    String page() {
        return "privacy/personal-data";
    }

    @GetMapping("/candidate/personal-data.zip")
    ResponseEntity<byte[]> ownZip(Account candidate) {
        return zip(export.zip(candidate, candidate));
    }

    @GetMapping("/api/v1/candidate/personal-data")
    @ResponseBody
    @Operation(
            summary =
                    "A copy of the candidate's own personal data (registration info, applications, decisions, documents)")
    PersonalDataExport.PersonalData ownData(Account candidate) {
        return export.data(candidate, candidate);
    }

    @GetMapping("/admin/candidates/{id}/personal-data.zip")
    ResponseEntity<byte[]> candidateZip(Account admin, @PathVariable long id) {
        return zip(export.zip(candidate(id), admin));
    }

    @GetMapping("/api/v1/admin/candidates/{id}/personal-data")
    @ResponseBody
    @Operation(
            summary = "A copy of one candidate's personal data, for a request under PIPL; recorded in the audit trail")
    PersonalDataExport.PersonalData candidateData(Account admin, @PathVariable long id) {
        return export.data(candidate(id), admin);
    }

    private Account candidate(long id) {
        return accounts.byId(id)
                .filter(account -> account.role() == Role.CANDIDATE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ResponseEntity<byte[]> zip(byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.downloadName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(bytes);
    }
}
