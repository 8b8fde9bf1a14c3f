package org.cpr.shared;

import org.cpr.shared.FormErrors;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Adds a field message to a form's errors, also when a typed field of the form could not
 * be converted ("abc" for a number, a date that is not one).
 * <p>
 * A form record is bound through its constructor. When a component fails to convert,
 * Spring Framework still builds the record (with {@code null} there), hands it to the
 * handler, and keeps a {@link BindingResult} whose target is {@code null}: the binding
 * result was made before the record existed. {@link Errors#rejectValue} then reads the
 * field's current value from that missing target and throws ("Cannot access properties on
 * null bean instance"), and the user gets a 500 instead of the form with its messages.
 * Here the message is added without reading the target: the value shown again is the one
 * the binder recorded, i.e. what the user typed. (The platform's binder,
 * {@code FormBindingConfiguration}, moves the binding result onto the record where it
 * could be built; this stays safe where the record's constructor refused the nulls.)
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * {@link Errors#rejectValue(String, String)}, safe on a failed constructor binding. A
	 * field whose value could not be converted keeps that one message ("enter a number"),
	 * not a second one about the empty value it was bound as.
	 */
	public static void rejectValue(Errors errors, String field, String code) {
		FieldError existing = errors.getFieldError(field);
		if (existing != null && existing.isBindingFailure()) {
			return;
		}
		if (errors instanceof BindingResult result && result.getTarget() == null) {
			String path = result.getNestedPath() + field;
			result.addError(new FieldError(result.getObjectName(), path, result.getFieldValue(path), false,
					result.resolveMessageCodes(code, field), null, null));
			return;
		}
		errors.rejectValue(field, code);
	}

}
