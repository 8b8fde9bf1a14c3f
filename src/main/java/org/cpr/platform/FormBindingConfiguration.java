package org.cpr.platform;

import java.util.List;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * A form record whose typed field could not be converted ("abc" for minutes) keeps its
 * binding result tied to the record (issue #17).
 * <p>
 * Spring Framework binds a record through its constructor. When a component fails to
 * convert, it still builds the record (with {@code null} there) and hands it to the
 * handler, but the binding result was made before the record existed and keeps no target.
 * Everything that reads the form through it then fails: {@code rejectValue} in a form's
 * own checks throws ("Cannot access properties on null bean instance"), and the model's
 * form attribute is {@code null}, so the page that shows the form again fails on its
 * first {@code *{field}} — a 500 where the user should see "enter a number". Here the
 * binder replaces that result, once the record is built, by one on the record with the
 * same errors: the failed field still shows what the user typed (its error keeps the
 * rejected value), the others their bound values. {@code FormErrors.rejectValue} stays
 * safe for a record the constructor could not build at all.
 */
@Configuration(proxyBeanMethods = false)
class FormBindingConfiguration {

	@Bean
	WebMvcRegistrations constructedFormBinding() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new RequestMappingHandlerAdapter() {
					@Override
					protected InitBinderDataBinderFactory createDataBinderFactory(
							List<InvocableHandlerMethod> binderMethods) {
						return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {
							@Override
							protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
									NativeWebRequest request) {
								return new ConstructedFormBinder(target, objectName);
							}
						};
					}
				};
			}
		};
	}

	/**
	 * Spring MVC's own binder, with the binding result moved onto the constructed record.
	 */
	static final class ConstructedFormBinder extends ExtendedServletRequestDataBinder {

		private AbstractPropertyBindingResult onRecord;

		ConstructedFormBinder(Object target, String objectName) {
			super(target, objectName);
		}

		@Override
		public void construct(ValueResolver valueResolver) {
			super.construct(valueResolver);
			AbstractPropertyBindingResult built = super.getInternalBindingResult();
			if (getTarget() != null && built.getTarget() == null && built.hasErrors()) {
				BeanPropertyBindingResult result = new BeanPropertyBindingResult(getTarget(), getObjectName(),
						isAutoGrowNestedPaths(), getAutoGrowCollectionLimit());
				result.setMessageCodesResolver(built.getMessageCodesResolver());
				if (getConversionService() != null) {
					result.initConversion(getConversionService());
				}
				result.addAllErrors(built);
				for (String suppressed : built.getSuppressedFields()) {
					result.recordSuppressedField(suppressed);
				}
				this.onRecord = result;
			}
		}

		@Override
		protected AbstractPropertyBindingResult getInternalBindingResult() {
			return onRecord != null ? onRecord : super.getInternalBindingResult();
		}

	}

}
