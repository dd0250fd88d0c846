-- A final application (二.5, 二.6) never changes again, whatever code runs against the database.
CREATE TRIGGER application_final_state_guard
    BEFORE UPDATE, DELETE ON application
    FOR EACH ROW CALL 'cn.qualify.application.H2FinalStateGuard';
