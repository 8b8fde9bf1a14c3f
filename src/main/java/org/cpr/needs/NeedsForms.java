package org.cpr.needs;

/** The needs module's form records. */
final class NeedsForms {

	private NeedsForms() {
	}

	record RotationForm(String name, String hospitalCode, String specialty, Setting setting, String contacts) {
		static RotationForm empty() {
			return new RotationForm("", null, "", null, "");
		}

		static RotationForm of(Rotation r) {
			return new RotationForm(r.name(), r.hospitalCode(), r.specialty(), r.setting(), r.contacts());
		}
	}

	record LinkForm(String label, String href) {
	}

	record BlockForm(String person, String rotationId, String service, String start, String end) {
		static BlockForm empty() {
			return new BlockForm("", null, "", null, null);
		}
	}

}
