-- A final application (二.5, 二.6) never changes again, whatever code runs against the database.
CREATE FUNCTION application_final_state_guard() RETURNS trigger AS $$
BEGIN
    IF OLD.state IN ('APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN') THEN
        RAISE EXCEPTION 'application % is final (%) and cannot change', OLD.id, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER application_final_state_guard
    BEFORE UPDATE OR DELETE ON application
    FOR EACH ROW EXECUTE FUNCTION application_final_state_guard();
