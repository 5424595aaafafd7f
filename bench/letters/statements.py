"""What the guidelines say, per request kind (the rationale's "rkey"): the sentences a rationale quotes.

Placeholders: {t} treatment, {pt}/{Pt} the patient, {S}/{Sc} he/she, {P}/{Pc} his/her, {O} him/her,
{rep} a report date, {drug} the drug, {n} a number of months.
"""

from .helpers import parse_pools

STATEMENTS = parse_pools(
    """
[opioid]
MTUS Guidelines pages 76 to 80 require that ongoing opioid therapy be supported by documentation of the 4
  A's: analgesia, activities of daily living, adverse side effects, and aberrant drug-taking behavior.
Pages 88 and 89 further state that pain and function should be measured at least once every 6 months using a
  numerical scale or a validated instrument.
MTUS page 80 indicates that opioids should be continued if the patient has returned to work or has improved
  functioning and pain.
The guidelines recommend on-going review and documentation of pain relief, functional status, appropriate
  medication use and side effects for patients on opioid therapy.
MTUS page 86 recommends that dosing not exceed 120mg oral morphine equivalents per day, and that patients
  receiving more than this amount be managed in consultation with a pain medicine specialist.
The guidelines state that opioids should be discontinued if there is no overall improvement in function,
  unless there are extenuating circumstances.
A satisfactory response to treatment may be indicated by decreased pain, an increased level of function or
  improved quality of life.
MTUS page 124 recommends a slow taper rather than abrupt discontinuation when opioids are no longer
  supported.
[muscle]
MTUS Guidelines pages 41 and 42 recommend cyclobenzaprine as an option for a short course of therapy, noting
  that the effect is greatest in the first 4 days of treatment.
Muscle relaxants are recommended with caution as a second-line option for short-term treatment of acute
  exacerbations in patients with chronic low back pain.
The guidelines note that muscle relaxants show no benefit beyond NSAIDs in pain and overall improvement, and
  that efficacy appears to diminish over time.
Prolonged use of some medications in this class may lead to dependence.
MTUS page 29 states that carisoprodol is not recommended and is not indicated for long-term use.
[nsaid]
MTUS recommends NSAIDs at the lowest dose for the shortest period in patients with moderate to severe
  osteoarthritis pain.
The guidelines state that acetaminophen may be considered as initial therapy for mild to moderate pain,
  particularly in patients with gastrointestinal, cardiovascular or renovascular risk factors.
MTUS recommends NSAIDs as an option for short-term symptomatic relief of acute exacerbations of chronic back
  pain.
The guidelines caution that NSAIDs may compromise renal function and can raise blood pressure.
There is inconsistent evidence for the use of these medications to treat long-term neuropathic pain.
[ppi]
The guidelines support the use of a proton pump inhibitor for patients taking NSAIDs who are at intermediate
  or high risk for gastrointestinal events.
Risk factors include age over 65 years, a history of peptic ulcer, gastrointestinal bleeding or perforation,
  concurrent use of aspirin, corticosteroids or an anticoagulant, and high-dose or multiple NSAID use.
Long-term proton pump inhibitor use of more than one year has been shown to increase the risk of hip
  fracture.
Patients with no risk factors and no cardiovascular disease do not require a proton pump inhibitor with a
  non-selective NSAID.
[aed]
MTUS recommends gabapentin for neuropathic pain and considers it a first-line treatment for that condition.
After initiation, the guidelines call for documentation of pain relief and improvement in function, and they
  describe a good response as a 50% reduction in pain and a moderate response as a 30% reduction.
The guidelines note that anti-epilepsy drugs are recommended for neuropathic pain but that there are few
  trials in central or radicular pain.
Pregabalin has been documented to be effective in the treatment of diabetic neuropathy and postherpetic
  neuralgia and has FDA approval for both indications.
Continued use depends on documentation of improvement in pain and function and of side effects.
Gabapentin and pregabalin share the same mechanism of action.
[antidep]
MTUS recommends antidepressants as a first-line option for neuropathic pain and as a possibility for
  non-neuropathic pain.
Tricyclics are generally considered a first-line agent unless they are ineffective, poorly tolerated or
  contraindicated.
Assessment of treatment efficacy should include not only pain outcomes but also an evaluation of function,
  changes in use of other analgesic medication, sleep quality and duration, and psychological assessment.
The guidelines state that the optimal duration of treatment is not known.
[benzo]
MTUS page 24 states that benzodiazepines are not recommended for long-term use because long-term efficacy is
  unproven and there is a risk of dependence.
Most guidelines limit use to 4 weeks.
Chronic benzodiazepines are the treatment of choice in very few conditions, and tolerance to the anxiolytic
  effect occurs within months.
The guidelines suggest that an antidepressant is the more appropriate treatment for anxiety disorders.
Tolerance to the hypnotic effect develops rapidly.
[hypnotic]
The MTUS does not address this medication, so the Official Disability Guidelines were consulted.
ODG states that zolpidem is a short-acting nonbenzodiazepine hypnotic approved for the short-term treatment
  of insomnia, generally 2 to 6 weeks.
ODG notes that these medications are rarely recommended for long-term use and can be habit-forming.
The guidelines recommend that the specific component of insomnia be addressed and that sleep hygiene be
  reviewed before pharmacologic treatment.
The FDA has lowered the recommended starting dose for some patients because of next-morning impairment.
[topical]
The guidelines state that topical analgesics are largely experimental in use, with few randomized controlled
  trials to determine efficacy or safety.
Topical analgesics are primarily recommended for neuropathic pain when trials of antidepressants and
  anticonvulsants have failed.
Any compounded product that contains at least one drug or drug class that is not recommended is not
  recommended.
Lidocaine is recommended only in the form of the Lidoderm patch for localized peripheral neuropathic pain
  after a trial of first-line therapy.
There is no evidence for the use of any muscle relaxant as a topical product.
Topical NSAIDs have shown benefit mainly for osteoarthritis of joints amenable to topical treatment and are
  not recommended for the spine, hip or shoulder.
[antiemetic]
ODG does not recommend antiemetics for nausea and vomiting secondary to chronic opioid use.
Nausea tends to diminish over days to weeks of continued opioid exposure, and when it persists other causes
  should be evaluated.
Ondansetron is FDA approved for nausea and vomiting associated with cancer chemotherapy, radiation therapy
  and surgery.
[laxative]
MTUS page 77 states that prophylactic treatment of constipation should be initiated when opioid therapy is
  started.
Opioid-induced constipation is a common adverse effect of long-term opioid use.
The need for a stool softener depends on whether continued opioid therapy is supported.
[pt]
MTUS pages 98 and 99 recommend 9 to 10 visits over 8 weeks for myalgia and myositis, and 8 to 10 visits over
  4 weeks for neuralgia, neuritis and radiculitis.
The guidelines allow for fading of treatment frequency, from up to 3 visits per week to 1 or less, plus
  active self-directed home physical medicine.
Physical medicine is recommended as indicated, with an emphasis on active therapies that restore
  flexibility, strength, endurance, function and range of motion.
Additional treatment requires documentation of objective functional improvement from the prior course of
  therapy.
MTUS page 22 recommends aquatic therapy as an optional form of exercise therapy where reduced weight bearing
  is desirable, for example in extreme obesity.
[postop_pt]
The MTUS Postsurgical Treatment Guidelines allow a general course of therapy following this type of surgery,
  within a postsurgical physical medicine treatment period of several months.
Section 9792.24.3 states that an initial course of therapy means one half of the number of visits specified
  in the general course of therapy for the specific surgery.
Additional visits may be provided if functional improvement is documented during the initial course of
  therapy.
Post-operative therapy is only appropriate when the underlying surgery has been found to be medically
  necessary.
[acu]
The MTUS Acupuncture Medical Treatment Guidelines state that acupuncture may be used when pain medication is
  reduced or not tolerated, and as an adjunct to physical rehabilitation to hasten functional recovery.
The time to produce functional improvement is 3 to 6 treatments, at a frequency of 1 to 3 times per week,
  with an optimum duration of 1 to 2 months.
Acupuncture treatments may be extended if functional improvement is documented as defined in section
  9792.20(e).
For additional treatment, the guidelines require functional improvement as defined by a clinically
  significant improvement in activities of daily living or a reduction in work restrictions.
[chiro]
MTUS pages 58 to 60 recommend manual therapy and manipulation for chronic pain caused by musculoskeletal
  conditions.
The guidelines recommend a trial of 6 visits over 2 weeks and, with evidence of objective functional
  improvement, a total of up to 18 visits over 6 to 8 weeks.
Elective or maintenance care is not medically necessary, and for recurrences or flare-ups the need to
  re-evaluate treatment success is emphasized.
Manipulation is not recommended for the ankle and foot, the forearm, wrist and hand, or the knee.
[imaging]
ACOEM states that the criteria for ordering imaging studies include the emergence of a red flag, physiologic
  evidence of tissue insult or neurologic dysfunction, failure to progress in a strengthening program intended
  to avoid surgery, and clarification of the anatomy prior to an invasive procedure.
Unequivocal objective findings that identify specific nerve compromise on the neurologic examination are
  sufficient evidence to warrant imaging in patients who do not respond to treatment.
The guidelines indicate that special studies are not needed unless a four- to six-week period of
  conservative care and observation fails to improve symptoms.
ODG states that repeat imaging is not routinely recommended and should be reserved for a significant change
  in symptoms or findings suggestive of significant pathology.
Plain radiographs should not be recommended in the absence of red flags for serious pathology, even if the
  pain has persisted for at least six weeks.
[esi]
MTUS page 46 recommends epidural steroid injections as an option for the treatment of radicular pain,
  defined as pain in a dermatomal distribution with corroborative findings of radiculopathy.
The criteria for use state that radiculopathy must be documented by physical examination and corroborated by
  imaging studies and/or electrodiagnostic testing.
The patient must have been initially unresponsive to conservative treatment, including exercises, physical
  methods, NSAIDs and muscle relaxants.
Repeat blocks should be based on continued objective documented pain and functional improvement, including
  at least 50% pain relief with an associated reduction of medication use for six to eight weeks.
[facet]
ACOEM states that invasive techniques such as facet joint injections are of questionable merit.
ODG limits diagnostic facet blocks to patients with low back pain that is non-radicular and at no more than
  two levels bilaterally.
There should be documentation of failure of conservative treatment, including home exercise, physical
  therapy and NSAIDs, for at least 4 to 6 weeks prior to the procedure.
Diagnostic facet blocks should not be performed in patients in whom a surgical procedure is anticipated.
[tpi]
MTUS page 122 recommends trigger point injections only for myofascial pain syndrome with limited lasting
  value.
The criteria include documentation of circumscribed trigger points with evidence upon palpation of a twitch
  response as well as referred pain.
Symptoms must have persisted for more than three months, and medical management therapies such as ongoing
  stretching exercises, physical therapy, NSAIDs and muscle relaxants must have failed to control pain.
Radiculopathy should not be present by examination, imaging or neuro-testing.
[joint_inj]
The guidelines recommend injections as an option for patients with documented symptomatic arthritis or
  inflammation that has not responded adequately to conservative treatment.
ODG requires documented symptomatic severe osteoarthritis that has not responded adequately to recommended
  conservative treatments after at least 3 months.
Repeat injections require documentation of significant improvement in symptoms for 6 months or more after
  the prior series.
ACOEM states that invasive techniques have limited proven value but that a corticosteroid injection may be
  indicated after conservative therapy for two to three weeks.
[tens]
MTUS does not recommend TENS as a primary treatment modality, but states that a one-month home-based TENS
  trial may be considered as a noninvasive conservative option.
A TENS trial should be used as an adjunct to a program of evidence-based functional restoration.
The criteria include documentation of pain of at least three months duration and evidence that other
  appropriate pain modalities, including medication, have been tried and failed.
A treatment plan including the specific short- and long-term goals of treatment with the TENS unit should be
  submitted.
[brace]
ACOEM states that lumbar supports have not been shown to have any lasting benefit beyond the acute phase of
  symptom relief.
ACOEM notes that a brace can be used for patellar instability, anterior cruciate ligament tear or medial
  collateral ligament instability, although its benefits may be more emotional than medical.
Usually a brace is necessary only if the patient is going to be stressing the joint under load, such as
  climbing ladders or carrying boxes.
The guidelines recommend splinting as a first-line conservative treatment for carpal tunnel syndrome and de
  Quervain's tenosynovitis.
ODG recommends supports as an option only for compression fractures, spondylolisthesis and documented
  instability.
[dme]
ODG defines durable medical equipment as equipment that can withstand repeated use, is primarily and
  customarily used to serve a medical purpose, and is generally not useful to a person in the absence of
  illness or injury.
The guidelines recommend durable medical equipment generally if there is a medical need and if the device or
  system meets Medicare's definition of durable medical equipment.
Continuous-flow cryotherapy is recommended as an option after surgery for up to 7 days, including home use,
  but not for nonsurgical treatment.
Walking aids are recommended for patients with conditions causing impaired ambulation when there is a
  potential for ambulation with these devices.
[consult]
ACOEM Practice Guidelines, Second Edition (2004), page 127 states that the occupational health practitioner
  may refer to other specialists if the diagnosis is uncertain or extremely complex, when psychosocial factors
  are present, or when the plan or course of care may benefit from additional expertise.
A consultation is intended to aid in the diagnosis, prognosis and therapeutic management of a patient.
ODG states that the need for a clinical office visit with a health care provider is individualized based
  upon a review of the patient's concerns, signs and symptoms, clinical stability and reasonable physician
  judgment.
Referral for surgical consultation may be indicated for patients who have activity limitation for more than
  four months plus clear clinical and imaging evidence of a lesion that has been shown to benefit from
  surgical repair.
[preop]
ODG states that preoperative testing and evaluation should be guided by the patient's clinical history,
  comorbidities and physical examination findings.
The decision to order preoperative tests or a medical consultation depends on the planned procedure and the
  patient's risk factors.
Patients undergoing low-risk surgery generally do not require a separate preoperative medical evaluation.
[surgery]
The guidelines indicate that surgical consultation and intervention may be considered when there are
  activity limitations for more than four months and a failure to improve with exercise programs.
ACOEM notes that conservative care, including cortisone injections, can be carried out for at least three to
  six months before considering surgery.
ODG requires clear clinical and imaging evidence of a lesion that has been shown to benefit in both the
  short and long term from surgical repair.
There is no scientific evidence about the long-term effectiveness of some surgical procedures compared with
  natural history, placebo or conservative treatment.
ODG pre-operative requirements include identification and treatment of all pain generators and completion of
  a psychosocial screen with confounding issues addressed.
[uds]
MTUS page 43 recommends drug testing as an option to assess for the use or the presence of illegal drugs.
ODG recommends that patients at low risk of addiction or aberrant behavior be tested within six months of
  initiating therapy and on a yearly basis thereafter.
Patients at moderate risk may be tested two to three times a year, and patients at high risk may require
  testing as often as once a month.
The opioid management section of the guidelines lists urine screening among the steps to take before and
  during opioid therapy.
[emg]
ACOEM states that electromyography and nerve conduction velocities, including H-reflex tests, may help
  identify subtle focal neurologic dysfunction in patients with symptoms lasting more than three or four
  weeks.
Appropriate electrodiagnostic studies may help differentiate between carpal tunnel syndrome and other
  conditions, such as cervical radiculopathy.
ODG adds that EMGs are not necessary if radiculopathy is already clinically obvious.
Repeat studies are not indicated unless there is a significant change in symptoms or findings.
[labs]
The guidelines recommend periodic laboratory monitoring, including a complete blood count and chemistry
  profile with liver and renal function tests, for patients on long-term NSAID therapy.
Routine testing in healthy patients rarely changes management.
ODG recommends polysomnography after at least six months of an insomnia complaint that is unresponsive to
  behavior intervention and sedative medications, once psychiatric etiology has been excluded.
Testing should be guided by the patient's clinical history, comorbidities and physical examination findings.
[psych_eval]
MTUS pages 100 and 101 recommend psychological evaluations as a generally accepted, well-established
  diagnostic procedure, not only with selected use in pain problems but also with more widespread use in
  chronic pain populations.
The evaluation should determine whether further psychosocial interventions are indicated.
Psychological evaluations should distinguish between conditions that are preexisting, aggravated by the
  current injury or work related.
[psychotherapy]
The guidelines recommend an initial trial of 3 to 4 psychotherapy visits over 2 weeks and, with evidence of
  objective functional improvement, a total of up to 6 to 10 visits over 5 to 6 weeks.
ODG recommends cognitive therapy for depression and for posttraumatic stress disorder, and states that
  standard cognitive therapy has been proven to be effective.
The ODG psychotherapy guidelines call for an initial trial of 6 visits over 6 weeks.
Biofeedback is not recommended as a stand-alone treatment but may be recommended as an option within a
  cognitive behavioral therapy program.
[frp]
MTUS pages 30 to 34 list the criteria for participation in a functional restoration program.
These include an adequate and thorough evaluation, including baseline functional testing so that follow-up
  with the same test can note functional improvement.
Previous methods of treating chronic pain must have been unsuccessful, the patient must have a significant
  loss of the ability to function independently, and the patient must not be a candidate for surgery.
The guidelines state that treatment is not suggested for longer than 2 weeks without evidence of
  demonstrated efficacy.
Work hardening requires a functional capacity evaluation showing consistent results with maximal effort and
  a defined return to work goal agreed to by the employer and the employee.
[weight]
The guidelines recommend lifestyle modification, including diet and exercise, as the first step in the
  management of obesity.
Physician-supervised weight loss programs are recommended only when a patient has failed to lose weight with
  caloric restriction and increased physical activity.
The MTUS does not specifically address commercial weight loss programs.
[home_health]
The guidelines recommend home health services only for otherwise recommended medical treatment for patients
  who are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week.
Medical treatment does not include homemaker services such as shopping, cleaning and laundry, or personal
  care given by home health aides, such as bathing, dressing and using the bathroom, when this is the only
  care needed.
[gym]
ODG does not recommend gym memberships as a medical prescription unless a home exercise program has not been
  effective and there is a need for equipment.
Treatment needs to be monitored and administered by medical professionals.
With unsupervised programs there is no information flow back to the provider, so the program can be neither
  adjusted nor its results evaluated.
[transport]
ODG recommends transportation to and from appointments for medically necessary visits in the same community
  for patients with disabilities preventing them from self-transport.
Transportation is not intended to replace the patient's usual means of travel when the patient is able to
  drive or use public transportation.
"""
)
