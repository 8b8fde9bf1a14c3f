#!/usr/bin/env python3
"""Writes the shipped instruments as FHIR R4 Questionnaire JSON with the CPR scoring extension.

Run from the repository root: python3 tools/generate-instruments.py
Facts (items, weights, reverse items, bands, critical items, licences) follow
../shared/reference/instruments.md; item wording is the instruments' published English wording.
"""
import json, os

OUT = "src/main/resources/instruments"
SCORING = "https://cpr.example.org/fhir/StructureDefinition/scoring"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
LOINC = "http://loinc.org"

PHQ_OPTIONS = [("LA6568-5", "Not at all", 0), ("LA6569-3", "Several days", 1),
               ("LA6570-1", "More than half the days", 2), ("LA6571-9", "Nearly every day", 3)]

def options(opts, system):
    return [{"valueCoding": {"system": system, "code": code, "display": text},
             "extension": [{"url": ORDINAL, "valueDecimal": weight}]} for code, text, weight in opts]

def choice(link, text, opts, system, code=None, required=True):
    item = {"linkId": link, "text": text, "type": "choice", "required": required, "answerOption": options(opts, system)}
    if code:
        item["code"] = [{"system": LOINC, "code": code}]
    return item

def boolean(link, text, required=True, enable=None):
    item = {"linkId": link, "text": text, "type": "boolean", "required": required}
    if enable:
        item.update(enable)
    return item

def display(link, text):
    return {"linkId": link, "text": text, "type": "display"}

def questionnaire(qid, title, description, copyright, items, scoring, code=None):
    q = {"resourceType": "Questionnaire", "id": qid, "url": f"https://cpr.example.org/fhir/Questionnaire/{qid}",
         "name": qid.replace("-", "_").upper(), "title": title, "status": "active", "description": description,
         "copyright": copyright, "extension": [{"url": SCORING, "valueString": json.dumps(scoring, separators=(",", ":"))}],
         "item": items}
    if code:
        q["code"] = [{"system": LOINC, "code": code, "display": title}]
    with open(os.path.join(OUT, qid + ".json"), "w") as f:
        json.dump(q, f, indent=2, ensure_ascii=False)
        f.write("\n")

PFIZER = ("Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational "
          "grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute. Copyright © Pfizer Inc.")

PHQ_STEM = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
PHQ9 = [("Little interest or pleasure in doing things", "44250-9"),
        ("Feeling down, depressed, or hopeless", "44255-8"),
        ("Trouble falling or staying asleep, or sleeping too much", "44259-0"),
        ("Feeling tired or having little energy", "44254-1"),
        ("Poor appetite or overeating", "44251-7"),
        ("Feeling bad about yourself — or that you are a failure or have let yourself or your family down", "44258-2"),
        ("Trouble concentrating on things, such as reading the newspaper or watching television", "44252-5"),
        ("Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual", "44253-3"),
        ("Thoughts that you would be better off dead or of hurting yourself in some way", "44260-8")]
DIFFICULTY = [("LA6572-7", "Not difficult at all", 0), ("LA6573-5", "Somewhat difficult", 1),
              ("LA6575-0", "Very difficult", 2), ("LA6574-3", "Extremely difficult", 3)]

items = [display("intro", PHQ_STEM)] + [choice(str(i + 1), t, PHQ_OPTIONS, LOINC, c) for i, (t, c) in enumerate(PHQ9)]
items.append(choice("10", "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?", DIFFICULTY, LOINC, "69722-7", required=False))
questionnaire("phq-9", "Patient Health Questionnaire-9 (PHQ-9)",
              "Depression screen; sum of items 1–9 (0–27). Kroenke, Spitzer & Williams, J Gen Intern Med 2001;16:606–613. Item 9 > 0 always needs same-day suicide-risk follow-up, whatever the total.",
              PFIZER, items,
              {"method": "SUM", "items": [str(i) for i in range(1, 10)],
               "bands": [{"min": 0, "max": 4, "code": "minimal"}, {"min": 5, "max": 9, "code": "mild"},
                         {"min": 10, "max": 14, "code": "moderate"}, {"min": 15, "max": 19, "code": "moderately-severe"},
                         {"min": 20, "max": 27, "code": "severe"}],
               "flags": [{"flag": "SAFETY", "item": "9", "op": ">", "value": 0},
                         {"flag": "POSITIVE", "op": ">=", "value": 10}]}, "44249-1")

questionnaire("phq-2", "Patient Health Questionnaire-2 (PHQ-2)",
              "Two-item depression screen (PHQ-9 items 1–2); sum 0–6; 3 or more → give the full PHQ-9. Kroenke, Spitzer & Williams, Med Care 2003;41:1284–1292. It does not ask about suicide.",
              PFIZER, [display("intro", PHQ_STEM)] + [choice(str(i + 1), t, PHQ_OPTIONS, LOINC, c) for i, (t, c) in enumerate(PHQ9[:2])],
              {"method": "SUM", "items": ["1", "2"],
               "bands": [{"min": 0, "max": 2, "code": "negative"}, {"min": 3, "max": 6, "code": "positive"}],
               "flags": [{"flag": "POSITIVE", "op": ">=", "value": 3}]}, "55757-9")

GAD_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
GAD7 = [("Feeling nervous, anxious, or on edge", "69725-0"), ("Not being able to stop or control worrying", "68509-9"),
        ("Worrying too much about different things", "69733-4"), ("Trouble relaxing", "69734-2"),
        ("Being so restless that it is hard to sit still", "69735-9"), ("Becoming easily annoyed or irritable", "69689-8"),
        ("Feeling afraid, as if something awful might happen", "69736-7")]
questionnaire("gad-7", "Generalized Anxiety Disorder-7 (GAD-7)",
              "Anxiety screen; sum 0–21. Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166:1092–1097.",
              PFIZER, [display("intro", GAD_STEM)] + [choice(str(i + 1), t, PHQ_OPTIONS, LOINC, c) for i, (t, c) in enumerate(GAD7)]
              + [choice("8", "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?", DIFFICULTY, LOINC, "69726-8", required=False)],
              {"method": "SUM", "items": [str(i) for i in range(1, 8)],
               "bands": [{"min": 0, "max": 4, "code": "minimal"}, {"min": 5, "max": 9, "code": "mild"},
                         {"min": 10, "max": 14, "code": "moderate"}, {"min": 15, "max": 21, "code": "severe"}],
               "flags": [{"flag": "POSITIVE", "op": ">=", "value": 10}]}, "69737-5")

questionnaire("gad-2", "Generalized Anxiety Disorder-2 (GAD-2)",
              "Two-item anxiety screen (GAD-7 items 1–2); sum 0–6; 3 or more → give the GAD-7. Kroenke et al., Ann Intern Med 2007;146:317–325. No LOINC total code exists.",
              PFIZER, [display("intro", GAD_STEM)] + [choice(str(i + 1), t, PHQ_OPTIONS, LOINC, c) for i, (t, c) in enumerate(GAD7[:2])],
              {"method": "SUM", "items": ["1", "2"],
               "bands": [{"min": 0, "max": 2, "code": "negative"}, {"min": 3, "max": 6, "code": "positive"}],
               "flags": [{"flag": "POSITIVE", "op": ">=", "value": 3}]})

WHO_SYS = "https://cpr.example.org/fhir/CodeSystem/who-5-answers"
WHO_OPTS = [("5", "All of the time", 5), ("4", "Most of the time", 4), ("3", "More than half of the time", 3),
            ("2", "Less than half of the time", 2), ("1", "Some of the time", 1), ("0", "At no time", 0)]
WHO_ITEMS = ["I have felt cheerful and in good spirits", "I have felt calm and relaxed", "I have felt active and vigorous",
             "I woke up feeling fresh and rested", "My daily life has been filled with things that interest me"]
questionnaire("who-5", "WHO-5 Well-Being Index",
              "Five positively worded items; raw sum 0–25, percentage = raw × 4 (0–100, higher is better). 48% or less (raw < 13) indicates poor well-being and a reason to screen for depression; 28% or less suggests likely depression (Topp et al., Psychother Psychosom 2015;84:167–176).",
              "© Psychiatric Research Unit, Mental Health Centre North Zealand (WHO Collaborating Centre). Free for non-commercial use; confirm the current licence before commercial use. Do not alter the wording.",
              [display("intro", "Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.")]
              + [choice(str(i + 1), t, WHO_OPTS, WHO_SYS) for i, t in enumerate(WHO_ITEMS)],
              {"method": "SUM", "items": [str(i) for i in range(1, 6)], "multiplier": 4,
               "bands": [{"min": 0, "max": 28, "code": "likely-depression"}, {"min": 29, "max": 48, "code": "poor"},
                         {"min": 49, "max": 100, "code": "good"}],
               "flags": [{"flag": "POSITIVE", "op": "<=", "value": 48}]})

BRS_SYS = "https://cpr.example.org/fhir/CodeSystem/agreement-5"
AGREE = [("1", "Strongly disagree", 1), ("2", "Disagree", 2), ("3", "Neutral", 3), ("4", "Agree", 4), ("5", "Strongly agree", 5)]
BRS = ["I tend to bounce back quickly after hard times", "I have a hard time making it through stressful events",
       "It does not take me long to recover from a stressful event", "It is hard for me to snap back when something bad happens",
       "I usually come through difficult times with little trouble", "I tend to take a long time to get over set-backs in my life"]
questionnaire("brs", "Brief Resilience Scale (BRS)",
              "Six items; items 2, 4 and 6 are reverse-scored (6 − answer); score = mean (1.00–5.00): 1.00–2.99 low, 3.00–4.30 normal, 4.31–5.00 high resilience. Smith et al., Int J Behav Med 2008;15:194–200; bands from Smith et al. 2013.",
              "© Bruce W. Smith. Free for research and education with citation; confirm with the author before commercial use.",
              [display("intro", "Please indicate how much you agree with each statement.")] + [choice(str(i + 1), t, AGREE, BRS_SYS) for i, t in enumerate(BRS)],
              {"method": "MEAN", "items": [str(i) for i in range(1, 7)], "reverse": {"2": 6, "4": 6, "6": 6},
               "bands": [{"min": 1, "max": 2.99, "code": "low"}, {"min": 3, "max": 4.3, "code": "normal"},
                         {"min": 4.31, "max": 5, "code": "high"}]})

gate = {"enableWhen": [{"question": "exposure", "operator": "=", "answerBoolean": True}]}
PTSD = ["had nightmares about the event(s) or thought about the event(s) when you did not want to?",
        "tried hard not to think about the event(s) or went out of your way to avoid situations that reminded you of the event(s)?",
        "been constantly on guard, watchful, or easily startled?",
        "felt numb or detached from people, activities, or your surroundings?",
        "felt guilty or unable to stop blaming yourself or others for the event(s) or any problems the event(s) may have caused?"]
questionnaire("pc-ptsd-5", "Primary Care PTSD Screen for DSM-5 (PC-PTSD-5)",
              "A trauma-exposure question, then five yes/no items about the past month; score = number of yes (0–5); no exposure scores 0. 3 is the optimally sensitive cut-off (Prins et al., J Gen Intern Med 2016;31:1206–1211); 4 the optimally efficient one (Bovin et al. 2021).",
              "U.S. Department of Veterans Affairs, National Center for PTSD; public domain. Cite Prins et al. 2016.",
              [boolean("exposure", "Sometimes things happen to people that are unusually or especially frightening, horrible, or traumatic — for example a serious accident or fire, a physical or sexual assault or abuse, an earthquake or flood, a war, seeing someone be killed or seriously injured, or having a loved one die through homicide or suicide. Have you ever experienced this kind of event?"),
               display("stem", "In the past month, have you…")]
              + [boolean(str(i + 1), t, enable=gate) for i, t in enumerate(PTSD)],
              {"method": "COUNT_YES", "items": [str(i) for i in range(1, 6)], "gate": "exposure",
               "bands": [{"min": 0, "max": 2, "code": "negative"}, {"min": 3, "max": 5, "code": "positive"}],
               "flags": [{"flag": "POSITIVE", "op": ">=", "value": 3}, {"flag": "SAFETY", "op": ">=", "value": 3}]}, "102010-6")

anyq = {"enableWhen": [{"question": str(i), "operator": "=", "answerBoolean": True} for i in range(1, 5)], "enableBehavior": "any"}
questionnaire("asq", "Ask Suicide-Screening Questions (ASQ)",
              "NIMH suicide risk screen: four yes/no questions; any yes is a positive screen; question 5 (asked only then) identifies acute risk. Horowitz et al., Arch Pediatr Adolesc Med 2012; adult validation Horowitz et al. 2020.",
              "National Institute of Mental Health (NIMH), U.S. Government; public domain. Use the NIMH wording unmodified.",
              [boolean("1", "In the past few weeks, have you wished you were dead?"),
               boolean("2", "In the past few weeks, have you felt that you or your family would be better off if you were dead?"),
               boolean("3", "In the past week, have you been having thoughts about killing yourself?"),
               boolean("4", "Have you ever tried to kill yourself?"),
               boolean("5", "Are you having thoughts of killing yourself right now?", enable=anyq)],
              {"method": "COUNT_YES", "items": ["1", "2", "3", "4"],
               "bands": [{"min": 0, "max": 0, "code": "negative"}, {"min": 1, "max": 4, "code": "positive"}],
               "flags": [{"flag": "SAFETY", "anyYes": ["1", "2", "3", "4"]}, {"flag": "ACUTE", "anyYes": ["5"]}]})

BURN_SYS = "https://cpr.example.org/fhir/CodeSystem/burnout-single-item"
BURN = [("1", "I enjoy my work. I have no symptoms of burnout.", 1),
        ("2", "Occasionally I am under stress, and I don't always have as much energy as I once did, but I don't feel burned out.", 2),
        ("3", "I am definitely burning out and have one or more symptoms of burnout, such as physical and emotional exhaustion.", 3),
        ("4", "The symptoms of burnout that I'm experiencing won't go away. I think about frustration at work a lot.", 4),
        ("5", "I feel completely burned out and often wonder if I can go on. I am at the point where I may need some changes or may need to seek some sort of help.", 5)]
questionnaire("burnout-single-item", "Single-item burnout measure",
              "Physician Work Life Study single item: 3 or more = burnout. Validated against the MBI emotional exhaustion scale (Rohland et al., Stress Health 2004;20:75–79; Dolan et al., J Gen Intern Med 2015;30:582–587). The top option is a soft flag: offer support.",
              "Non-proprietary as a stand-alone item (Dolan et al. 2015). When used as part of the Mini-Z, the Mini-Z terms apply.",
              [choice("1", "Overall, based on your definition of burnout, how would you rate your level of burnout?", BURN, BURN_SYS)],
              {"method": "SUM", "items": ["1"],
               "bands": [{"min": 1, "max": 2, "code": "no-burnout"}, {"min": 3, "max": 5, "code": "burnout"}],
               "flags": [{"flag": "POSITIVE", "op": ">=", "value": 3}, {"flag": "SAFETY", "item": "1", "op": "==", "value": 5}]})

CBI_SYS = "https://cpr.example.org/fhir/CodeSystem/cbi-answers"
FREQ = [("F100", "Always", 100), ("F75", "Often", 75), ("F50", "Sometimes", 50), ("F25", "Seldom", 25), ("F0", "Never / almost never", 0)]
INTENS = [("I100", "To a very high degree", 100), ("I75", "To a high degree", 75), ("I50", "Somewhat", 50),
          ("I25", "To a low degree", 25), ("I0", "To a very low degree", 0)]
CBI = [("How often do you feel tired?", FREQ), ("How often are you physically exhausted?", FREQ),
       ("How often are you emotionally exhausted?", FREQ), ("How often do you think: \u201cI can't take it anymore\u201d?", FREQ),
       ("How often do you feel worn out?", FREQ), ("How often do you feel weak and susceptible to illness?", FREQ),
       ("Is your work emotionally exhausting?", INTENS), ("Do you feel burnt out because of your work?", INTENS),
       ("Does your work frustrate you?", INTENS), ("Do you feel worn out at the end of the working day?", FREQ),
       ("Are you exhausted in the morning at the thought of another day at work?", FREQ),
       ("Do you feel that every working hour is tiring for you?", FREQ),
       ("Do you have enough energy for family and friends during leisure time?", FREQ),
       ("Do you find it hard to work with patients?", INTENS), ("Do you find it frustrating to work with patients?", INTENS),
       ("Does it drain your energy to work with patients?", INTENS),
       ("Do you feel that you give more than you get back when you work with patients?", INTENS),
       ("Are you tired of working with patients?", FREQ),
       ("Do you sometimes wonder how long you will be able to continue working with patients?", FREQ)]
cbi_items = [{"linkId": "personal", "text": "Personal burnout", "type": "group",
              "item": [choice(str(i + 1), t, o, CBI_SYS) for i, (t, o) in enumerate(CBI[:6])]},
             {"linkId": "work", "text": "Work-related burnout", "type": "group",
              "item": [choice(str(i + 7), t, o, CBI_SYS) for i, (t, o) in enumerate(CBI[6:13])]},
             {"linkId": "patient", "text": "Patient-related burnout", "type": "group",
              "item": [choice(str(i + 14), t, o, CBI_SYS) for i, (t, o) in enumerate(CBI[13:])]}]
questionnaire("cbi", "Copenhagen Burnout Inventory (CBI)",
              "19 items in three scales — personal (1–6), work-related (7–13) and patient-related (14–19) burnout — each the mean of its items (0–100); item 13 is reverse-scored (100 − answer). There is no total: the main score reported is work-related burnout, and 50 or more is the usual research threshold. Kristensen et al., Work & Stress 2005;19:192–207 ('client' replaced by 'patient').",
              "Developed at the National Research Centre for the Working Environment (Denmark) as a free alternative to the MBI; free to use with citation.",
              cbi_items,
              {"method": "NONE", "items": [str(i) for i in range(1, 20)], "reverse": {"13": 100},
               "subscales": {"personal": {"method": "MEAN", "items": [str(i) for i in range(1, 7)]},
                             "work": {"method": "MEAN", "items": [str(i) for i in range(7, 14)]},
                             "patient": {"method": "MEAN", "items": [str(i) for i in range(14, 20)]}},
               "scoreFrom": "work",
               "bands": [{"min": 0, "max": 49.99, "code": "low"}, {"min": 50, "max": 74.99, "code": "moderate"},
                         {"min": 75, "max": 99.99, "code": "high"}, {"min": 100, "max": 100, "code": "severe"}],
               "flags": [{"flag": "POSITIVE", "item": "subscale:work", "op": ">=", "value": 50}]})
print("instruments written")
