"""What the records show, per request kind: facts behind an upheld denial (FACTS_UP) and behind an overturned
one (FACTS_OV, whose groups OV_GROUPS picks per kind). Placeholders as in statements.py."""

from .helpers import parse_pools

FACTS_UP = parse_pools(
    """
[opioid]
In this case, {pt} has used this medication for close to two years.
The {rep} report documents pain levels, but it does not describe any specific activity {pt} is able to
  perform because of the medication.
There is no pain contract on file, no urine drug screen result and no discussion of side effects or aberrant
  behaviors.
{Pc} pain has remained at 8/10 for at least a year on the current dose.
The records do not compare pain scores with and without medication.
{Pc} work status has not changed during the period of treatment.
Weaning should be considered as outlined in MTUS.
[muscle]
Review of the records shows that {pt} has taken this medication on a daily basis for more than {n} months.
The {rep} report does not describe an acute flare-up, and there is no documentation of reduced spasm or
  improved function attributable to this medication.
Long-term use is not supported by the guidelines.
[nsaid]
The records do not show a trial of acetaminophen or topical therapy.
There is no discussion from the treating physician about the risks of continued use or a plan for laboratory
  monitoring.
{Sc} has taken this medication for more than {n} months without documented improvement in pain or function.
[ppi]
The records indicate that {pt} is not currently taking an NSAID.
There is no history of ulcer disease or bleeding, and none of the progress notes describe dyspepsia, reflux
  or other gastrointestinal complaints.
The reason for prescribing this medication is not explained.
{Sc} does not meet any of the risk criteria described in the guidelines.
[aed]
The records do not document the degree of pain relief or any functional improvement obtained with this
  medication.
{Pc} symptoms are primarily axial and the examination does not show a neuropathic component.
{Sc} previously tried a medication of the same class for three months without benefit.
[antidep]
There is no documentation of improvement in pain, sleep or function with this medication.
The records do not describe a psychological assessment or the target symptoms of treatment.
[benzo]
{Sc} has taken this medication for about a year and a half.
The records do not document improvement in anxiety symptoms or in function with this medication.
There is no plan to taper, and the treating physician is encouraged to reduce the dose gradually to avoid
  withdrawal.
[hypnotic]
{Sc} has been using this medication nightly for more than {n} months.
The records do not describe a sleep assessment, sleep hygiene measures or any reduction in sleep latency or
  night awakenings with the medication.
Continued use is not consistent with the guidelines.
[topical]
{Pc} pain is not a localized peripheral neuropathic condition.
The records do not document a trial of first-line oral agents for neuropathic pain.
Because this product contains at least one agent that is not recommended, the compound as a whole is not
  recommended.
[antiemetic]
{Sc} has taken this medication for several years for chronic opioid-related nausea, which is not an approved
  or guideline-supported indication.
Continued opioid therapy has not been found medically necessary in this review, and the nausea would be
  expected to improve with tapering.
[laxative]
Continued opioid therapy has not been supported in this review.
The records do not describe constipation or bowel habits.
[pt]
In this case, it appears that {pt} has already completed at least 12 sessions of therapy.
There are no discussions provided regarding the impact physical therapy had on {pt}'s pain and function.
{Sc} has been instructed in a home exercise program, and there is no explanation of why the remaining goals
  cannot be achieved through the home program.
The requested number of visits would exceed the number recommended by the guidelines.
[postop_pt]
As the underlying surgery has not been certified in this review, there is no surgical procedure to which the
  therapy would apply.
The request exceeds the initial course of therapy recommended by the guidelines.
[acu]
After an unknown number of prior acupuncture sessions, no evidence of any sustained, significant, objective
  functional improvement was provided.
There are no discussions provided on the impact acupuncture had on {pt}.
The request exceeds the 3 to 6 treatments needed to demonstrate functional improvement.
[chiro]
{Sc} has completed 12 chiropractic sessions.
The treatment notes show no meaningful change in pain scores and no improvement in {P} work restrictions or
  daily activities over the course of care.
Without objective functional improvement from the prior sessions, additional manipulation is not supported
  by the guidelines.
[imaging]
The neurologic examination is normal, and no red flags are documented.
There is no indication that {pt} has completed a trial of conservative care or that surgery is being
  considered.
There has been no new injury, and the records do not describe any change in symptoms since the prior study.
A repeat study would not be expected to change the treatment plan.
[esi]
In this case, {pt}'s pain is primarily axial rather than in a dermatomal pattern.
The examination documents normal strength, sensation and reflexes, and the MRI shows no nerve root
  compression.
Radiculopathy has not been established.
The prior injection did not provide at least 50% relief for six weeks.
[facet]
{Sc} has radicular symptoms into the leg.
The request exceeds the number of levels supported by the guidelines.
There is no documentation of a recent course of conservative care.
[tpi]
The records do not document circumscribed trigger points with a twitch response and referred pain.
{Sc} has radicular findings on examination.
[joint_inj]
The imaging does not show severe osteoarthritis.
The response to the prior injection was not documented.
There is no documentation of a failed course of conservative care.
[tens]
There is no documentation of a successful one-month trial.
The request does not include a treatment plan with specific short- and long-term goals.
{Sc} is not participating in a program of evidence-based functional restoration.
[brace]
The injury occurred more than three years ago, and there is no documentation of fracture, spondylolisthesis
  or instability.
The examination shows a stable joint and no documented instability.
{Pc} job duties do not involve climbing or heavy load bearing.
[dme]
The records do not describe a medical need for this equipment.
This item is primarily for comfort or convenience rather than for a medical purpose.
No surgical procedure has been certified in this review.
[consult]
The treating physician does not explain what question the consultation is intended to answer or how it would
  alter the current plan of care.
The diagnosis is not uncertain or complex, and no red flags are documented.
Only one report was provided for this review and it did not contain any information indicating a need for
  such a referral.
[preop]
Because the associated surgery has not been found medically necessary in this review, there is no planned
  procedure for which clearance would be required.
The records do not describe any cardiac, pulmonary or metabolic condition that would call for a separate
  evaluation.
[surgery]
In this case, there is no documentation of a recent structured rehabilitation program.
The imaging does not show a lesion that would be expected to benefit from surgical repair.
No psychological evaluation has been performed, and {pt} continues to smoke.
The criteria for surgical intervention have not been met at this time.
[uds]
{Sc} had a urine drug screen less than two months before the request that was consistent with {P} prescribed
  medication.
There is no history of substance misuse, no inconsistent result and no documentation of aberrant behavior
  that would justify more frequent testing.
The treating physician did not document a risk assessment.
[emg]
Electrodiagnostic studies performed last year confirmed the diagnosis, and {pt}'s symptoms and neurologic
  findings have not changed since that study.
Radiculopathy is already clinically obvious, and testing would not change the treatment.
[labs]
{Sc} is otherwise healthy and takes no regular medications.
No specific indication for the tests is given in the records.
[psych_eval]
The records do not describe psychological symptoms or a reason for the evaluation.
A psychological evaluation was completed earlier this year.
[psychotherapy]
{Sc} has already completed 12 sessions without documented objective functional improvement.
The request exceeds the initial trial recommended by the guidelines.
[frp]
No baseline functional testing has been documented.
Negative predictors of success, such as the duration of disability, have not been addressed.
{Sc} is currently being considered for surgery.
[weight]
There is no documentation of a failed attempt at weight loss with diet and exercise.
The records do not describe the components or the supervision of the program.
[home_health]
In this case, {pt} is not homebound; {S} drives to {P} medical appointments.
The request is for help with housekeeping and errands rather than for skilled medical care.
[gym]
There is no documentation that a home exercise program has been ineffective.
The program would not be monitored by a medical professional.
[transport]
{Sc} drives and has no disability preventing self-transport.
"""
)

FACTS_OV = parse_pools(
    """
[any]
The utilization review denial cited a lack of documentation that is in fact present in the {rep} report.
All of the guideline criteria are met.
[drug]
The {rep} progress report documents that {pt}'s pain decreased from 8/10 to 4/10 with this medication.
The treating physician documents specific functional benefits, including walking for about 20 minutes and
  preparing {P} own meals.
No adverse effects were reported.
The current dose is modest and within the range the guidelines support.
{Sc} has tried first-line alternatives without adequate relief.
[monitor]
Appropriate monitoring is in place, with a consistent urine drug screen and a CURES report showing a single
  prescriber.
An opioid agreement is on file and no aberrant behaviors are documented.
[therapy]
{Sc} has not previously received this treatment for the current condition.
The requested number of sessions falls within the guideline recommendations.
{Sc} remains engaged in a home exercise program.
The records document measurable functional gains from the prior course, including improved lifting tolerance
  and a return to modified work.
The treating physician has set out specific, measurable functional goals for the requested treatment.
[procedure]
{Sc} has failed an adequate course of conservative care, including medications and physical therapy.
The examination findings are consistent with the requested service.
The {rep} progress report documents a progressive neurologic deficit.
The imaging findings correlate with the examination.
[test]
There is no record of a prior study of this kind.
The results would be expected to change the treatment plan.
The examination findings are consistent with the requested service.
[equipment]
{Sc} has documented benefit from a trial of this device during supervised therapy.
The request is for a limited rental period with defined goals.
The device is intended as an adjunct to an active program of functional restoration.
"""
)
OV_GROUPS: dict[str, tuple[str, ...]] = {
    "opioid": ("drug", "monitor"),
    "benzo": ("drug", "monitor"),
    "pt": ("therapy",),
    "postop_pt": ("therapy",),
    "acu": ("therapy",),
    "chiro": ("therapy",),
    "psychotherapy": ("therapy",),
    "psych_eval": ("test",),
    "frp": ("therapy",),
    "home_health": ("therapy",),
    "weight": ("therapy",),
    "gym": ("therapy",),
    "transport": ("therapy",),
    "imaging": ("test", "procedure"),
    "emg": ("test", "procedure"),
    "uds": ("test", "monitor"),
    "labs": ("test",),
    "esi": ("procedure",),
    "facet": ("procedure",),
    "tpi": ("procedure",),
    "joint_inj": ("procedure",),
    "surgery": ("procedure",),
    "consult": ("procedure",),
    "preop": ("test",),
    "tens": ("equipment",),
    "brace": ("equipment",),
    "dme": ("equipment",),
}
