package cn.qualify.policy;

import static cn.qualify.policy.Candidates.aBachelorForPhysician;
import static cn.qualify.policy.Candidates.aCollegeAssistantForPhysician;
import static cn.qualify.policy.Candidates.aCollegeGraduateForAssistant;
import static cn.qualify.policy.Candidates.aGraduatedPostgraduate;
import static cn.qualify.policy.Candidates.aGraduatingPostgraduate;
import static cn.qualify.policy.Candidates.aLongProgramStudent;
import static cn.qualify.policy.Candidates.aRuralGeneralForAssistant;
import static cn.qualify.policy.Candidates.aSecondaryAssistantForPhysician;
import static cn.qualify.policy.Candidates.anExpertForAssistant;
import static cn.qualify.policy.Ln2025.evaluate;
import static cn.qualify.policy.Material.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qualify.policy.CandidateFacts.Institution;
import cn.qualify.policy.CandidateFacts.WorkUnit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** One test (at least) per clause of the 2025 Liaoning notice, against the real policy file. */
class PolicyClauseTests {

    static List<Material> materials(Evaluation evaluation) {
        return evaluation.requirements().stream().map(Requirement::material).toList();
    }

    static List<FindingCode> codes(Evaluation evaluation) {
        return evaluation.findings().stream().map(Finding::code).toList();
    }

    static Requirement requirement(Evaluation evaluation, Material material) {
        return evaluation.requirement(material).orElseThrow(() -> new AssertionError(material + " missing"));
    }

    @Nested
    class Routes {

        @Test
        void route1BachelorForPhysician() {
            var evaluation = evaluate(aBachelorForPhysician());
            assertThat(evaluation.route()).isEqualTo(Route.BACHELOR_PHYSICIAN);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation))
                    .containsExactly(
                            ID_PROOF, DIPLOMA, PROBATION_ASSESSMENT, INSTITUTION_LICENSE, SUPERVISOR_CERTS, OTHER);
            assertThat(requirement(evaluation, DIPLOMA).clause()).isEqualTo("一(七)1");
        }

        @Test
        void route2CollegeAssistantForPhysician() {
            var evaluation = evaluate(aCollegeAssistantForPhysician());
            assertThat(evaluation.route()).isEqualTo(Route.COLLEGE_ASSISTANT_TO_PHYSICIAN);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation))
                    .containsExactly(
                            ID_PROOF,
                            DIPLOMA,
                            ASSISTANT_QUALIFICATION_CERT,
                            ASSISTANT_PRACTICE_CERT,
                            PRACTICE_PERIOD_ASSESSMENT,
                            INSTITUTION_LICENSE,
                            OTHER);
        }

        @Test
        void route3SecondaryAssistantForPhysicianAlsoVerifiesTheEducation() {
            var evaluation = evaluate(aSecondaryAssistantForPhysician());
            assertThat(evaluation.route()).isEqualTo(Route.SECONDARY_ASSISTANT_TO_PHYSICIAN);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation))
                    .containsExactly(
                            ID_PROOF,
                            DIPLOMA,
                            ASSISTANT_QUALIFICATION_CERT,
                            ASSISTANT_PRACTICE_CERT,
                            PRACTICE_PERIOD_ASSESSMENT,
                            INSTITUTION_LICENSE,
                            EDUCATION_VERIFICATION_REPORT,
                            OTHER);
        }

        @ParameterizedTest
        @EnumSource(
                value = Education.class,
                names = {"JUNIOR_COLLEGE", "SECONDARY"})
        void route4CollegeOrSecondaryForAssistant(Education education) {
            var evaluation = evaluate(aCollegeGraduateForAssistant().with(c -> c.education = education));
            assertThat(evaluation.route()).isEqualTo(Route.COLLEGE_OR_SECONDARY_ASSISTANT);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation))
                    .startsWith(ID_PROOF, DIPLOMA, PROBATION_ASSESSMENT, INSTITUTION_LICENSE)
                    .endsWith(SUPERVISOR_CERTS, OTHER);
        }

        @Test
        void route5ExpertiseForAssistantNeedsNoDiploma() {
            var evaluation = evaluate(anExpertForAssistant());
            assertThat(evaluation.route()).isEqualTo(Route.EXPERTISE_ASSISTANT);
            assertThat(materials(evaluation))
                    .containsExactly(
                            ID_PROOF,
                            EXPERTISE_CERT,
                            PROBATION_ASSESSMENT,
                            INSTITUTION_LICENSE,
                            SUPERVISOR_CERTS,
                            OTHER);
        }

        @Test
        void route6RuralGeneralForAssistantIsRestrictedToRuralPractice() {
            var evaluation = evaluate(aRuralGeneralForAssistant());
            assertThat(evaluation.route()).isEqualTo(Route.RURAL_GENERAL_ASSISTANT);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation)).startsWith(ID_PROOF, DIPLOMA, PROBATION_ASSESSMENT, INSTITUTION_LICENSE);
            assertThat(requirement(evaluation, PROBATION_ASSESSMENT).reason().zh())
                    .contains("乡村两级");
            assertThat(codes(evaluation)).containsExactly(FindingCode.RURAL_PRACTICE_LOCATION_RESTRICTED);
        }

        @Test
        void route7_1GraduatingPostgraduateInTheDistrict() {
            var evaluation = evaluate(aGraduatingPostgraduate());
            assertThat(evaluation.route()).isEqualTo(Route.POSTGRAD_GRADUATING);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation)).containsExactly(ID_PROOF, STUDENT_ID, CLINICAL_TRAINING_PROOF, OTHER);
        }

        @Test
        void route7_1GraduatingPostgraduateFromAnotherProvinceIsRefused() {
            var evaluation = evaluate(aGraduatingPostgraduate().with(c -> c.schoolProvinceCode = "11"));
            assertThat(evaluation.eligible()).isFalse();
            assertThat(codes(evaluation)).containsExactly(FindingCode.POSTGRAD_GRADUATING_OUT_OF_DISTRICT);
            assertThat(evaluation.findings().get(0).clause()).isEqualTo("一(七)7(1)");
        }

        @Test
        void route7_1WithoutSchoolProvinceIsInvalid() {
            var evaluation = evaluate(aGraduatingPostgraduate().with(c -> c.schoolProvinceCode = null));
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
            assertThat(evaluation.findings().get(0).field()).isEqualTo("schoolProvinceCode");
        }

        @Test
        void route7_2LongProgramStudent() {
            var evaluation = evaluate(aLongProgramStudent());
            assertThat(evaluation.route()).isEqualTo(Route.POSTGRAD_LONG_PROGRAM);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation))
                    .containsExactly(ID_PROOF, BACHELOR_DIPLOMA, CLINICAL_TRAINING_PROOF, OTHER);
        }

        @Test
        void route7_3GraduatedPostgraduateFromAnyProvince() {
            var evaluation = evaluate(aGraduatedPostgraduate());
            assertThat(evaluation.route()).isEqualTo(Route.POSTGRAD_GRADUATED);
            assertThat(evaluation.eligible()).isTrue();
            assertThat(materials(evaluation))
                    .containsExactly(
                            ID_PROOF,
                            DIPLOMA,
                            DEGREE_CERTIFICATE,
                            PROBATION_ASSESSMENT,
                            INSTITUTION_LICENSE,
                            SUPERVISOR_CERTS,
                            OTHER);
        }

        @Test
        void activeMilitaryAreReviewedOfflineAndUploadNothing() {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.activeMilitary = true));
            assertThat(evaluation.route()).isEqualTo(Route.MILITARY_OFFLINE);
            assertThat(evaluation.uploadRequired()).isFalse();
            assertThat(evaluation.offlineReview()).isTrue();
            assertThat(evaluation.requirements()).isEmpty();
            assertThat(evaluation.eligible()).isTrue();
            assertThat(codes(evaluation)).containsExactly(FindingCode.OFFLINE_REVIEW);
            assertThat(evaluation.findings().get(0).clause()).isEqualTo("二.10");
        }

        @ParameterizedTest
        @CsvSource({"ASSISTANT, CLINICAL, BACHELOR", "ASSISTANT, TCM, POSTGRADUATE", "ASSISTANT, DENTAL, BACHELOR"})
        void combinationsTheNoticeDoesNotCoverAreReportedNotGuessed(
                ExamLevel level, Category category, Education education) {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> {
                c.examLevel = level;
                c.category = category;
                c.education = education;
                c.postgraduateStatus = education == Education.POSTGRADUATE ? PostgraduateStatus.GRADUATED : null;
            }));
            assertThat(evaluation.route()).isEqualTo(Route.NOT_COVERED);
            assertThat(evaluation.eligible()).isFalse();
            assertThat(evaluation.uploadRequired()).isFalse();
            assertThat(evaluation.requirements()).isEmpty();
            assertThat(codes(evaluation)).containsExactly(FindingCode.ROUTE_NOT_COVERED);
        }

        @ParameterizedTest
        @EnumSource(
                value = Category.class,
                names = {"RURAL_GENERAL", "TCM_EXPERTISE"})
        void assistantOnlyCategoriesForPhysicianAreInvalid(Category category) {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.category = category));
            assertThat(evaluation.route()).isEqualTo(Route.NOT_COVERED);
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
            assertThat(evaluation.findings().get(0).field()).isEqualTo("category");
        }
    }

    @Nested
    class AssistantToPhysician {

        @ParameterizedTest(name = "{0} registered {1}: too late = {2}")
        @CsvSource({
            "JUNIOR_COLLEGE, 2023-08-22, false",
            "JUNIOR_COLLEGE, 2023-08-23, true",
            "JUNIOR_COLLEGE, 2019-01-01, false",
            "SECONDARY, 2020-08-22, false",
            "SECONDARY, 2020-08-23, true",
            "SECONDARY, 2023-08-22, true"
        })
        void registrationOnOrBeforeTheCutoffCounts一一(Education education, LocalDate registered, boolean tooLate) {
            var evaluation = evaluate(aCollegeAssistantForPhysician().with(c -> {
                c.education = education;
                c.assistantRegistrationDate = registered;
            }));
            assertThat(evaluation.has(FindingCode.ASSISTANT_REGISTRATION_TOO_LATE))
                    .isEqualTo(tooLate);
            assertThat(evaluation.eligible()).isEqualTo(!tooLate);
        }

        @Test
        void tooLateMessageNamesTheCutoffInBothLanguages() {
            var finding = evaluate(aCollegeAssistantForPhysician()
                            .with(c -> c.assistantRegistrationDate = LocalDate.of(2023, 8, 23)))
                    .findings()
                    .get(0);
            assertThat(finding.clause()).isEqualTo("一(一)");
            assertThat(finding.field()).isEqualTo("assistantRegistrationDate");
            assertThat(finding.message().zh()).contains("2023年8月22日", "专科", "2023年8月23日");
            assertThat(finding.message().en()).contains("2023-08-22", "2023-08-23");
        }

        @Test
        void missingRegistrationDateIsTooLate() {
            var evaluation = evaluate(aSecondaryAssistantForPhysician().with(c -> c.assistantRegistrationDate = null));
            assertThat(codes(evaluation)).containsExactly(FindingCode.ASSISTANT_REGISTRATION_TOO_LATE);
        }

        @ParameterizedTest
        @EnumSource(
                value = Education.class,
                names = {"JUNIOR_COLLEGE", "SECONDARY"})
        void physicianExamNeedsTheAssistantQualification(Education education) {
            var evaluation = evaluate(aCollegeAssistantForPhysician().with(c -> {
                c.education = education;
                c.assistantQualified = false;
                c.assistantRegistrationDate = null;
                c.assistantPracticeScope = null;
            }));
            assertThat(codes(evaluation)).containsExactly(FindingCode.ASSISTANT_QUALIFICATION_MISSING);
            assertThat(evaluation.eligible()).isFalse();
        }

        @Test
        void registrationDateWithoutQualificationIsInvalid() {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.assistantRegistrationDate = LocalDate.now()));
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
        }
    }

    @Nested
    class InstitutionDocument一四 {

        @ParameterizedTest
        @EnumSource(
                value = InstitutionType.class,
                names = {"TERTIARY_A_HOSPITAL", "CDC"})
        void tertiaryAHospitalsAndCdcNeedNoLicence(InstitutionType type) {
            var evaluation = evaluate(aBachelorForPhysician().at(type));
            assertThat(materials(evaluation))
                    .doesNotContain(INSTITUTION_LICENSE, TCM_CLINIC_FILING, MILITARY_SERVICE_LICENSE);
            assertThat(codes(evaluation)).containsExactly(FindingCode.LICENSE_NOT_REQUIRED);
            assertThat(evaluation.eligible()).isTrue();
        }

        @Test
        void licenceWithChangesNeedsTheChangePagesToo() {
            var plain = evaluate(aBachelorForPhysician());
            var changed = evaluate(aBachelorForPhysician()
                    .with(c -> c.institution = new Institution("X", InstitutionType.GENERAL, true)));
            assertThat(requirement(plain, INSTITUTION_LICENSE).minImages()).isEqualTo(2);
            assertThat(requirement(changed, INSTITUTION_LICENSE).minImages()).isEqualTo(3);
            assertThat(requirement(changed, INSTITUTION_LICENSE).maxImages()).isEqualTo(10);
            assertThat(requirement(changed, INSTITUTION_LICENSE).reason().zh()).contains("变更");
        }

        @Test
        void militaryHospitalNeedsItsServiceLicence() {
            var evaluation = evaluate(aBachelorForPhysician().at(InstitutionType.MILITARY_HOSPITAL));
            assertThat(materials(evaluation)).contains(MILITARY_SERVICE_LICENSE).doesNotContain(INSTITUTION_LICENSE);
        }

        @ParameterizedTest
        @CsvSource({
            "BACHELOR_PHYSICIAN, true",
            "COLLEGE_ASSISTANT_TO_PHYSICIAN, true",
            "SECONDARY_ASSISTANT_TO_PHYSICIAN, false",
            "COLLEGE_OR_SECONDARY_ASSISTANT, true",
            "EXPERTISE_ASSISTANT, true",
            "RURAL_GENERAL_ASSISTANT, false",
            "POSTGRAD_GRADUATED, true"
        })
        void filedTcmClinicsProvideTheirFilingWhereTheRouteAcceptsIt(Route route, boolean accepted) {
            var evaluation = evaluate(candidateOn(route).at(InstitutionType.TCM_CLINIC_FILED));
            assertThat(evaluation.route()).isEqualTo(route);
            if (accepted) {
                assertThat(materials(evaluation)).contains(TCM_CLINIC_FILING).doesNotContain(INSTITUTION_LICENSE);
                assertThat(evaluation.has(FindingCode.FILING_NOT_ACCEPTED_FOR_ROUTE))
                        .isFalse();
            } else {
                assertThat(materials(evaluation)).contains(INSTITUTION_LICENSE).doesNotContain(TCM_CLINIC_FILING);
                assertThat(codes(evaluation)).contains(FindingCode.FILING_NOT_ACCEPTED_FOR_ROUTE);
                assertThat(evaluation.eligible()).isFalse();
            }
        }

        @Test
        void missingInstitutionOnALicenceRouteIsInvalid() {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.institution = null));
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
            assertThat(evaluation.findings().get(0).field()).isEqualTo("institution.type");
        }
    }

    @Nested
    class Modifiers {

        @Test
        void oneAssessmentImagePerWorkUnit一五() {
            var units = List.of(
                    new WorkUnit("A", InstitutionType.GENERAL, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)),
                    new WorkUnit("B", InstitutionType.GENERAL, LocalDate.of(2022, 7, 1), LocalDate.of(2023, 6, 30)),
                    new WorkUnit("C", InstitutionType.GENERAL, LocalDate.of(2023, 7, 1), null));
            var probation = evaluate(aBachelorForPhysician().workingAt(units.toArray(WorkUnit[]::new)));
            var practice = evaluate(aCollegeAssistantForPhysician().workingAt(units.toArray(WorkUnit[]::new)));
            assertThat(requirement(probation, PROBATION_ASSESSMENT).minImages()).isEqualTo(3);
            assertThat(requirement(practice, PRACTICE_PERIOD_ASSESSMENT).minImages())
                    .isEqualTo(3);
            assertThat(requirement(practice, PRACTICE_PERIOD_ASSESSMENT).clause())
                    .contains("一(五)");
            assertThat(requirement(evaluate(aBachelorForPhysician().workingAt()), PROBATION_ASSESSMENT)
                            .minImages())
                    .isEqualTo(1);
        }

        @Test
        void lostDiplomaIsReplacedByTheGraduationCertificate一六() {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.diplomaLost = true));
            assertThat(materials(evaluation)).contains(GRADUATION_CERTIFICATE).doesNotContain(DIPLOMA);
            assertThat(requirement(evaluation, GRADUATION_CERTIFICATE).clause()).isEqualTo("一(六)");
        }

        @Test
        void secondarySchoolGraduatesVerifyTheirEducationOrShowBothSidesOfTheDiploma二4() {
            var report = requirement(
                    evaluate(aCollegeGraduateForAssistant().with(c -> c.education = Education.SECONDARY)),
                    EDUCATION_VERIFICATION_REPORT);
            assertThat(report.required()).isTrue();
            assertThat(report.clause()).isEqualTo("二.4");
            assertThat(report.alternatives())
                    .extracting(Requirement.Alternative::material, Requirement.Alternative::minImages)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DIPLOMA, 2));
            var lost = requirement(
                    evaluate(aCollegeGraduateForAssistant().with(c -> {
                        c.education = Education.SECONDARY;
                        c.diplomaLost = true;
                    })),
                    EDUCATION_VERIFICATION_REPORT);
            assertThat(lost.alternatives()).isEmpty();
        }

        @ParameterizedTest(name = "admitted {0}: college diploma = {1}")
        @CsvSource({"2015-08-31, false", "2015-09-01, true", "2018-09-01, true"})
        void topUpBachelorsAdmittedFromSeptember2015ShowTheirCollegeDiploma一七1(LocalDate admitted, boolean needed) {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> {
                c.topUpBachelor = true;
                c.bachelorAdmissionDate = admitted;
            }));
            assertThat(evaluation.eligible()).isTrue();
            assertThat(evaluation.requirement(COLLEGE_DIPLOMA).isPresent()).isEqualTo(needed);
        }

        @Test
        void foreignDegreeNeedsTheCredentialEvaluation二3() {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.foreignDegree = true));
            assertThat(requirement(evaluation, FOREIGN_CREDENTIAL_EVALUATION).clause())
                    .isEqualTo("二.3");
        }

        @Test
        void graduatesOfTheExamYearSignTheCommitmentExceptGraduatingPostgraduates一五() {
            assertThat(evaluate(aBachelorForPhysician().with(c -> c.graduationDate = LocalDate.of(2025, 7, 1)))
                            .requirement(GRADUATE_COMMITMENT))
                    .isPresent();
            assertThat(evaluate(aBachelorForPhysician().with(c -> c.graduationDate = LocalDate.of(2024, 12, 31)))
                            .requirement(GRADUATE_COMMITMENT))
                    .isEmpty();
            assertThat(evaluate(aGraduatingPostgraduate()).requirement(GRADUATE_COMMITMENT))
                    .isEmpty();
        }

        @Test
        void shortageExamNeedsItsApplicationAndAMatchingProbationPost一二() {
            var matching = evaluate(aBachelorForPhysician().with(c -> {
                c.shortageExam = ShortageExam.PEDIATRICS;
                c.probationPost = Post.PEDIATRICS;
            }));
            assertThat(matching.eligible()).isTrue();
            assertThat(requirement(matching, SHORTAGE_EXAM_APPLICATION).clause())
                    .isEqualTo("一(二)");
            var mismatch = evaluate(aBachelorForPhysician().with(c -> {
                c.shortageExam = ShortageExam.PEDIATRICS;
                c.probationPost = Post.PREHOSPITAL_EMERGENCY;
            }));
            assertThat(codes(mismatch)).containsExactly(FindingCode.SHORTAGE_EXAM_POST_MISMATCH);
            assertThat(mismatch.findings().get(0).field()).isEqualTo("probationPost");
        }

        @Test
        void shortageExamOnAssistantToPhysicianRoutesLooksAtThePracticeScope一二() {
            var matching = evaluate(aCollegeAssistantForPhysician().with(c -> {
                c.shortageExam = ShortageExam.PREHOSPITAL_EMERGENCY;
                c.assistantPracticeScope = Post.PREHOSPITAL_EMERGENCY;
                c.probationPost = Post.GENERAL;
            }));
            assertThat(matching.eligible()).isTrue();
            var mismatch = evaluate(aCollegeAssistantForPhysician().with(c -> {
                c.shortageExam = ShortageExam.PREHOSPITAL_EMERGENCY;
                c.assistantPracticeScope = Post.GENERAL;
                c.probationPost = Post.PREHOSPITAL_EMERGENCY;
            }));
            assertThat(mismatch.findings().get(0).field()).isEqualTo("assistantPracticeScope");
        }

        @Test
        void shortageExamIsForPhysicianCandidatesOnly一二() {
            var evaluation = evaluate(aCollegeGraduateForAssistant().with(c -> {
                c.shortageExam = ShortageExam.PEDIATRICS;
                c.probationPost = Post.PEDIATRICS;
            }));
            assertThat(codes(evaluation)).containsExactly(FindingCode.SHORTAGE_EXAM_NOT_PHYSICIAN);
        }

        @Test
        void crossProvinceTransferWithOriginalCertificateUnavailableNeedsTheHistory一一() {
            var evaluation = evaluate(aCollegeAssistantForPhysician().with(c -> {
                c.crossProvinceTransfer = true;
                c.originalCertificateUnavailable = true;
            }));
            assertThat(requirement(evaluation, REGISTRATION_HISTORY_PROOF).clause())
                    .isEqualTo("一(一)");
            assertThat(evaluate(aCollegeAssistantForPhysician().with(c -> c.crossProvinceTransfer = true))
                            .requirement(REGISTRATION_HISTORY_PROOF))
                    .isEmpty();
            assertThat(codes(evaluate(
                            aCollegeAssistantForPhysician().with(c -> c.originalCertificateUnavailable = true))))
                    .containsExactly(FindingCode.INVALID_FACTS);
        }

        @Test
        void supervisorCertificatesAreOptionalOnProbationRoutes二2() {
            var certs = requirement(evaluate(aBachelorForPhysician()), SUPERVISOR_CERTS);
            assertThat(certs.required()).isFalse();
            assertThat(certs.minImages()).isZero();
            assertThat(evaluate(aCollegeAssistantForPhysician()).requirement(SUPERVISOR_CERTS))
                    .isEmpty();
        }
    }

    @Nested
    class RuralService一三 {

        @ParameterizedTest(name = "from {0}: too short = {1}")
        @CsvSource({"2024-08-22, false", "2024-08-23, true", "2020-01-01, false"})
        void oneYearAtRuralUnitsUpToTheReferenceDate(LocalDate from, boolean tooShort) {
            var evaluation = evaluate(aRuralGeneralForAssistant()
                    .workingAt(new WorkUnit("卫生院", InstitutionType.TOWNSHIP_HEALTH_CENTER, from, null)));
            assertThat(evaluation.has(FindingCode.RURAL_SERVICE_TOO_SHORT)).isEqualTo(tooShort);
            assertThat(evaluation.has(FindingCode.RURAL_PRACTICE_LOCATION_RESTRICTED))
                    .isEqualTo(!tooShort);
        }

        @Test
        void villageAndTownshipTimeAddUpButOtherUnitsDoNot() {
            var split = evaluate(aRuralGeneralForAssistant()
                    .workingAt(
                            new WorkUnit(
                                    "村卫生室",
                                    InstitutionType.VILLAGE_CLINIC,
                                    LocalDate.of(2024, 8, 22),
                                    LocalDate.of(2025, 2, 22)),
                            new WorkUnit(
                                    "卫生院", InstitutionType.TOWNSHIP_HEALTH_CENTER, LocalDate.of(2025, 2, 22), null)));
            assertThat(split.eligible()).isTrue();
            var elsewhere = evaluate(aRuralGeneralForAssistant()
                    .workingAt(new WorkUnit("市医院", InstitutionType.GENERAL, LocalDate.of(2020, 1, 1), null)));
            assertThat(codes(elsewhere)).containsExactly(FindingCode.RURAL_SERVICE_TOO_SHORT);
        }

        @Test
        void overlappingPeriodsCountOnce() {
            var overlapping = evaluate(aRuralGeneralForAssistant()
                    .workingAt(
                            new WorkUnit("村卫生室", InstitutionType.VILLAGE_CLINIC, LocalDate.of(2024, 9, 1), null),
                            new WorkUnit(
                                    "卫生院", InstitutionType.TOWNSHIP_HEALTH_CENTER, LocalDate.of(2024, 9, 1), null)));
            assertThat(codes(overlapping)).containsExactly(FindingCode.RURAL_SERVICE_TOO_SHORT);
        }
    }

    @Nested
    class Contradictions {

        @Test
        void postgraduateWithoutStatusIsInvalidNotGuessed() {
            var evaluation = evaluate(aGraduatedPostgraduate().with(c -> c.postgraduateStatus = null));
            assertThat(evaluation.route()).isEqualTo(Route.NOT_COVERED);
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
        }

        @Test
        void admissionDateWithoutTopUpIsInvalid() {
            var evaluation =
                    evaluate(aBachelorForPhysician().with(c -> c.bachelorAdmissionDate = LocalDate.of(2016, 9, 1)));
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
            assertThat(evaluation.findings().get(0).field()).isEqualTo("bachelorAdmissionDate");
        }

        @Test
        void workUnitEndingBeforeItStartsIsInvalid() {
            var evaluation = evaluate(aBachelorForPhysician()
                    .workingAt(new WorkUnit(
                            "A", InstitutionType.GENERAL, LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1))));
            assertThat(codes(evaluation)).containsExactly(FindingCode.INVALID_FACTS);
            assertThat(evaluation.findings().get(0).message().zh()).contains("结束日期");
        }

        @Test
        void everyKindOfInvalidFactsHasItsCheck() {
            assertThat(FactChecks.complete()).isTrue();
        }

        @Test
        void examYearWithoutAPolicyIsNotEligible() {
            var evaluation = evaluate(aBachelorForPhysician().with(c -> c.examYear = 2030));
            assertThat(codes(evaluation)).containsExactly(FindingCode.EXAM_YEAR_NOT_COVERED);
            assertThat(evaluation.findings().get(0).message().zh()).contains("2030", "LN-2025");
        }
    }

    static Candidates candidateOn(Route route) {
        return switch (route) {
            case BACHELOR_PHYSICIAN -> aBachelorForPhysician();
            case COLLEGE_ASSISTANT_TO_PHYSICIAN -> aCollegeAssistantForPhysician();
            case SECONDARY_ASSISTANT_TO_PHYSICIAN -> aSecondaryAssistantForPhysician();
            case COLLEGE_OR_SECONDARY_ASSISTANT -> aCollegeGraduateForAssistant();
            case EXPERTISE_ASSISTANT -> anExpertForAssistant();
            case RURAL_GENERAL_ASSISTANT -> aRuralGeneralForAssistant();
            case POSTGRAD_GRADUATING -> aGraduatingPostgraduate();
            case POSTGRAD_LONG_PROGRAM -> aLongProgramStudent();
            case POSTGRAD_GRADUATED -> aGraduatedPostgraduate();
            default -> throw new IllegalArgumentException(route.toString());
        };
    }
}
