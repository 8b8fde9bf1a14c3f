-- Spanish next-step texts (issue 19): the shipped rules' fallback texts in Spanish. A rule whose
-- English text an institution has changed keeps no Spanish text (a translation of the old
-- wording would say something else); its Spanish readers see the English text until an
-- administrator adds one on the snapshot administration page.
ALTER TABLE assessment_next_step_rule ADD COLUMN fallback_text_es VARCHAR(1000);

UPDATE assessment_next_step_rule SET fallback_text_es = CASE fallback_text
  WHEN 'Call or text 988 any time, or call the campus crisis line.'
    THEN 'Llame o envíe un mensaje de texto al 988 a cualquier hora, o llame a la línea de crisis del campus.'
  WHEN 'Book a confidential conversation with a resilience psychologist.'
    THEN 'Reserve una conversación confidencial con un psicólogo de resiliencia.'
  WHEN 'Talk to a counselor about worry and anxiety; it is confidential and free.'
    THEN 'Hable con un consejero sobre la preocupación y la ansiedad; es confidencial y gratuito.'
  WHEN 'A trained peer who knows the work can listen; ask the wellbeing office for a peer supporter.'
    THEN 'Un compañero capacitado que conoce este trabajo puede escucharle; pida a la oficina de bienestar un compañero de apoyo.'
  WHEN 'Join a resilience course: small groups, four weeks, practical skills.'
    THEN 'Únase a un curso de resiliencia: grupos pequeños, cuatro semanas, habilidades prácticas.'
  WHEN 'Small steps help: sleep, movement and time with people who matter.'
    THEN 'Los pequeños pasos ayudan: dormir, moverse y pasar tiempo con las personas que importan.'
  WHEN 'A clinician can talk with you about what happened and about trauma-focused care.'
    THEN 'Un profesional clínico puede hablar con usted sobre lo que pasó y sobre la atención centrada en el trauma.'
  WHEN 'Moral distress is common in clinical work and it helps to talk it through: an ethics consultant or a resilience psychologist can help, confidentially.'
    THEN 'La angustia moral es frecuente en el trabajo clínico y ayuda hablarla: un consultor de ética o un psicólogo de resiliencia pueden ayudarle, de forma confidencial.'
  END
WHERE id IN ('6f1c0a10-0000-4000-8000-000000000001', '6f1c0a10-0000-4000-8000-000000000002',
             '6f1c0a10-0000-4000-8000-000000000003', '6f1c0a10-0000-4000-8000-000000000004',
             '6f1c0a10-0000-4000-8000-000000000005', '6f1c0a10-0000-4000-8000-000000000006',
             '6f1c0a10-0000-4000-8000-000000000007', '6f1c0a10-0000-4000-8000-000000000070');
