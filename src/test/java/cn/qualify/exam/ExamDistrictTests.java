package cn.qualify.exam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which exam point codes lie inside a district. */
class ExamDistrictTests {

    static final ExamDistrict LIAONING = new ExamDistrict("21", "辽宁考区");

    @ParameterizedTest(name = "{0} inside 21: {1}")
    @CsvSource({"2101,true", "2114,true", "2190,true", "2100,false", "2201,false", "1101,false", "210,false"})
    void aPointCodeIsACityCodeOfTheDistrictsProvince(String code, boolean inside) {
        assertThat(LIAONING.contains(code)).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} is a province: {1}")
    @CsvSource({"21,true", "11,true", "82,true", "10,false", "20,false", "99,false"})
    void aDistrictIsAProvince(String code, boolean province) {
        assertThat(ExamDistrict.PROVINCE_CODES.contains(code)).isEqualTo(province);
    }
}
