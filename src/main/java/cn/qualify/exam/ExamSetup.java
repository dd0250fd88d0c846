package cn.qualify.exam;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes an administrator makes to the exam setup. Forms arrive validated field by field; this checks what
 * needs the stored data (duplicates, codes inside the district) and refuses with {@link ExamSetupRejected}, saving
 * nothing.
 */
@Service
@Transactional
class ExamSetup {

    private final ExamDistricts districts;
    private final JdbcExamPoints points;
    private final JdbcExamYears years;

    ExamSetup(ExamDistricts districts, JdbcExamPoints points, JdbcExamYears years) {
        this.districts = districts;
        this.points = points;
        this.years = years;
    }

    @Transactional(readOnly = true)
    Optional<ExamDistrict> district() {
        return districts.current();
    }

    ExamDistrict setUpDistrict(ExamDistrictForm form) {
        if (districts.current().isPresent()) {
            throw ExamSetupRejected.field("code", "district.code.alreadySetUp");
        }
        if (!ExamDistrict.PROVINCE_CODES.contains(form.getCode())) {
            throw ExamSetupRejected.field("code", "district.code.unknown");
        }
        var district = new ExamDistrict(form.getCode(), form.getName());
        districts.add(district);
        return district;
    }

    ExamDistrict renameDistrict(ExamDistrictForm form) {
        var district = requireDistrict();
        if (!district.code().equals(form.getCode())) {
            throw ExamSetupRejected.field("code", "district.code.immutable", district.code());
        }
        districts.rename(district.code(), form.getName());
        return new ExamDistrict(district.code(), form.getName());
    }

    ExamPoint addPoint(ExamPointForm form) {
        var district = requireDistrict();
        if (!district.contains(form.getCode())) {
            throw ExamSetupRejected.field("code", "point.code.outsideDistrict", district.code());
        }
        if (points.byCode(form.getCode()).isPresent()) {
            throw ExamSetupRejected.field("code", "point.code.duplicate", form.getCode());
        }
        requireFreeName(district, form.getName(), form.getCode());
        var point = new ExamPoint(
                form.getCode(), form.getName(), district.code(), form.getActive() == null || form.getActive());
        try {
            points.add(point);
        } catch (DuplicateKeyException raced) {
            throw ExamSetupRejected.field("code", "point.code.duplicate", form.getCode());
        }
        return point;
    }

    ExamPoint updatePoint(String code, ExamPointForm form) {
        var existing = points.byCode(code).orElseThrow(() -> new ExamSetupNotFound("point.notFound", code));
        if (!existing.code().equals(form.getCode())) {
            throw ExamSetupRejected.field("code", "point.code.immutable", code);
        }
        requireFreeName(requireDistrict(), form.getName(), code);
        var point = new ExamPoint(
                code,
                form.getName(),
                existing.districtCode(),
                form.getActive() == null ? existing.active() : form.getActive());
        points.update(point);
        return point;
    }

    ExamPoint changePointActive(String code, boolean active) {
        var existing = points.byCode(code).orElseThrow(() -> new ExamSetupNotFound("point.notFound", code));
        var point = new ExamPoint(code, existing.name(), existing.districtCode(), active);
        points.update(point);
        return point;
    }

    ExamYear addYear(ExamYearForm form) {
        var district = requireDistrict();
        if (years.byYear(form.getYear()).isPresent()) {
            throw ExamSetupRejected.field("year", "year.year.duplicate", String.valueOf(form.getYear()));
        }
        var year = form.toExamYear(district.code());
        try {
            years.add(year);
        } catch (DuplicateKeyException raced) {
            throw ExamSetupRejected.field("year", "year.year.duplicate", String.valueOf(form.getYear()));
        }
        return year;
    }

    ExamYear updateYear(int year, ExamYearForm form) {
        var existing =
                years.byYear(year).orElseThrow(() -> new ExamSetupNotFound("year.notFound", String.valueOf(year)));
        if (form.getYear() != year) {
            throw ExamSetupRejected.field("year", "year.year.immutable", String.valueOf(year));
        }
        var updated = form.toExamYear(existing.districtCode());
        years.update(updated);
        return updated;
    }

    private ExamDistrict requireDistrict() {
        return districts.current().orElseThrow(() -> ExamSetupRejected.request("district.missing"));
    }

    private void requireFreeName(ExamDistrict district, String name, String code) {
        if (points.nameTaken(district.code(), name, code)) {
            throw ExamSetupRejected.field("name", "point.name.duplicate", name);
        }
    }
}
