"""Canonical vocabularies (SCHEMA.md) and the tables that map raw wording onto them.

Everything here is data: the stages import the tables and run them in order;
the Django side imports the canonical lists (CATEGORIES, GUIDELINES,
SPECIALTIES, OUTCOMES) for choices and facets. Patterns are plain strings,
compiled once at import time (case-insensitive unless noted). Order matters:
the first rule that matches wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imr_archive.parsing.result import OUTCOMES, OVERTURNED, PARTIAL, UPHELD

__all__ = [
    "ACOEM",
    "ACOEM_CHAPTERS",
    "CATEGORIES",
    "CATEGORY_RULES",
    "DRUG_NAMES",
    "GUIDELINES",
    "GUIDELINE_BY_NAME",
    "GUIDELINE_BY_SLUG",
    "GUIDELINE_PATTERNS",
    "MTUS_ACUPUNCTURE",
    "MTUS_CHRONIC_PAIN",
    "MTUS_POSTSURGICAL",
    "ODG",
    "ODG_CHAPTERS",
    "OTHER",
    "OTHER_SOURCES",
    "OUTCOMES",
    "OUTCOME_WORDS",
    "OUTCOME_WORD_PATTERN",
    "SECTION_HEADINGS",
    "SPECIALTIES",
    "SPECIALTY_RULES",
    "US_STATES",
    "Guideline",
    "categorize",
    "normalize_specialty",
    "outcome_of_word",
]

# --------------------------------------------------------------------------
# Treatment categories

CATEGORIES: tuple[str, ...] = (
    "Pharmaceuticals",
    "Physical Therapy",
    "Acupuncture",
    "Chiropractic",
    "Injections",
    "Surgery",
    "Diagnostic Imaging",
    "Other Diagnostic Testing",
    "Evaluation & Management",
    "DMEPOS",
    "Psychological Services",
    "Home Health",
    "Programs",
    "Other",
)

# Drug names seen in workers' compensation disputes (generic and brand).
# A name or a dose ("10mg", "5%") marks a pharmaceutical before the broader
# rules run, so "Norco for pain management" is not Evaluation & Management.
_DRUG_TEXT = """
acetaminophen tylenol norco vicodin lortab hydrocodone oxycodone oxycontin percocet endocet roxicodone
xartemis tramadol ultram ultracet ryzolt tapentadol nucynta morphine kadian avinza methadone fentanyl
duragesic fentora hydromorphone dilaudid exalgo oxymorphone opana codeine buprenorphine suboxone subutex
butrans zubsolv naloxone naltrexone meperidine demerol levorphanol pentazocine cyclobenzaprine flexeril
fexmid amrix carisoprodol soma tizanidine zanaflex baclofen lioresal methocarbamol robaxin orphenadrine
norflex metaxalone skelaxin chlorzoxazone parafon dantrolene gabapentin neurontin gralise horizant
pregabalin lyrica topiramate topamax carbamazepine tegretol oxcarbazepine trileptal lamotrigine lamictal
levetiracetam keppra duloxetine cymbalta amitriptyline elavil nortriptyline pamelor desipramine imipramine
doxepin venlafaxine effexor desvenlafaxine pristiq milnacipran savella sertraline zoloft fluoxetine prozac
paroxetine paxil citalopram celexa escitalopram lexapro trazodone desyrel bupropion wellbutrin mirtazapine
remeron buspirone buspar naproxen anaprox naprosyn aleve ibuprofen motrin advil meloxicam mobic diclofenac
voltaren arthrotec zipsor cambia celecoxib celebrex etodolac lodine nabumetone relafen ketoprofen
flurbiprofen ketorolac toradol sprix indomethacin indocin piroxicam feldene oxaprozin daypro sulindac
salsalate diflunisal aspirin omeprazole prilosec pantoprazole protonix esomeprazole nexium lansoprazole
prevacid rabeprazole dexlansoprazole dexilant ranitidine zantac famotidine pepcid sucralfate carafate
misoprostol ondansetron zofran promethazine phenergan metoclopramide reglan prochlorperazine docusate colace
senna sennosides senokot bisacodyl dulcolax lactulose miralax linaclotide linzess lubiprostone amitiza
naloxegol movantik methylnaltrexone relistor zolpidem ambien eszopiclone lunesta zaleplon sonata ramelteon
rozerem suvorexant belsomra temazepam restoril alprazolam xanax clonazepam klonopin lorazepam ativan
diazepam valium chlordiazepoxide hydroxyzine vistaril atarax quetiapine seroquel aripiprazole abilify
olanzapine zyprexa risperidone risperdal lithium lidocaine lidoderm xylocaine capsaicin zostrix menthol
bengay terocin flector pennsaid ketamine prednisone prednisolone medrol methylprednisolone dexamethasone
sumatriptan imitrex rizatriptan maxalt fioricet fiorinal butalbital esgic sildenafil viagra tadalafil cialis
testosterone androgel modafinil provigil armodafinil nuvigil methylphenidate ritalin adderall glucosamine
chondroitin theramine sentra trepadone gabadone vitamin melatonin metformin lisinopril amlodipine
atorvastatin simvastatin insulin levothyroxine warfarin clopidogrel colchicine allopurinol cetirizine
loratadine diphenhydramine benadryl nicotine chantix varenicline dendracin genicin somnicin laxacin
fluriflex keratek mentherm medrox thermacin biofreeze salonpas ketoflex cyclophene synapryn tabradol
deprizine dicopanol fanatrex xolido lidopro flurlido
"""
DRUG_NAMES: frozenset[str] = frozenset(_DRUG_TEXT.split())
_DRUG_PHRASES = r"ms\s*contin|polyethylene\s+glycol|methyl\s+salicylate|medical\s+food"
_DOSE = r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|gm?s?|grams?|ml|cc|iu)\b|\d\s*%|/\d+\s*mg"

# (category, pattern), tried in order.
CATEGORY_RULES: tuple[tuple[str, str], ...] = (
    ("Other", r"transportation|\btransport\b|\btaxi\b|\bmileage\b|\binterpreters?\b"),
    ("Surgery", r"under\s+(?:general\s+)?anesthesia|assistant\s+surgeon|co-?\s*surgeon|surgical\s+assist|\bMUA\b"
                r"|spinal\s+cord\s+stimulat|dorsal\s+column\s+stimulat"
                r"|intrathecal\s+(?:pump|drug)|\bSCS\b"),
    ("Injections", r"inject|epidural|\bESIs?\b|\bblocks?\b|facet|trigger\s+points?|\bTPIs?\b|radiofrequency"
                   r"|\bRFA\b|rhizotomy|neurotomy|ablation|botox|botulinum|viscosupplement|synvisc|hyalgan"
                   r"|supartz|orthovisc|euflexxa|monovisc|gel-?one|hyaluron|cortisone|steroid\s+shot|\bshots?\b"
                   r"|platelet[\s-]+rich|\bPRP\b|prolotherap|stem\s+cell|ozone|sclerotherap"),
    ("Pharmaceuticals", _DOSE + "|" + _DRUG_PHRASES),  # and any word of DRUG_NAMES: see categorize()
    ("Programs", r"functional\s+restoration|\bFRPs?\b|work\s+(?:hardening|conditioning)|weight[\s-]*(?:loss|reduction"
                 r"|management)|detox|\bHELP\b|pain\s+(?:rehabilitation\s+)?program|multidisciplinary|"
                 r"interdisciplinary|(?<!exercise\s)\bprogram\b|back\s+school|lindora|nutrisystem"
                 r"|weight\s+watchers"),
    ("Home Health", r"home\s+health|home\s+care|home\s+nurs|nursing\s+(?:care|visits?|services?)|\baides?\b"
                    r"|caregiver|care\s*giver|in[\s-]home|attendant\s+care|housekeep|homemaker|home\s+assist"
                    r"|skilled\s+nursing|personal\s+care|chore\s+services?"),
    ("Psychological Services", r"psycholog|psychotherap|psychiatr|cognitive|\bCBT\b|hypno|biofeedback|counsel"
                               r"|behavio(?:u)?ral\s+(?:therapy|medicine|intervention|health|treatment)"
                               r"|relaxation|stress\s+management|mental\s+health|group\s+therapy|\bEMDR\b"),
    ("Physical Therapy", r"physical\s+therap|\bP\.?T\.?\b|physiotherap|occupational\s+therap|\bO\.?T\.?\b"
                         r"|aqua(?:tic)?\s*therap|pool\s+therap|water\s+therap|hand\s+therap|therapeutic\s+exercise"
                         r"|physical\s+medicine|massage|myofascial\s+release|\bphysio\b|ultrasound\s+therap"
                         r"|therapeutic\s+ultrasound|post-?\s*operative\s+therapy|rehab(?:ilitation)?\s+(?:therapy"
                         r"|sessions?|visits?)|\btherapy\s+(?:sessions?|visits?)|iontophoresis|phonophoresis"
                         r"|shock\s*wave|\bESWT\b|laser\s+therapy|paraffin|home\s+exercise\s+program"),
    ("Chiropractic", r"chiropract|manipulat|spinal\s+adjust|\bCMT\b|\bOMT\b|osteopathic"),
    ("Acupuncture", r"acupunct|acupress|cupping|moxibustion"),
    ("Diagnostic Imaging", r"\bMRIs?\b|\bMRAs?\b|magnetic\s+resonance|\bCT\b|\bCAT\s+scan|computed\s+tomog|x-?\s*rays?"
                           r"|radiograph|bone\s+scan|\bscans?\b|ultrasound|sonogra|\bimaging|arthrogra|myelogra"
                           r"|discogra|\bDEXA\b|\bDXA\b|fluoroscop|\bPET\b|\bSPECT\b|venogra|angiogra|doppler"
                           r"|\bfilms?\b|\bviews?\b"),
    ("Other Diagnostic Testing", r"urine|\bUDS\b|\bUDT\b|drug\s+(?:screen|test)|toxicolog|\bEMGs?\b|\bNCVs?\b"
                                 r"|\bNCSs?\b|nerve\s+conduction|electrodiagnos|electromyog|\blabs?\b|laborator"
                                 r"|blood|\bCBC\b|\bBMP\b|\bCMP\b|panel|\bEKG\b|\bECG\b|electrocardiog|sleep\s+stud"
                                 r"|polysomnog|functional\s+capacity|\bFCEs?\b|genetic|\bDNA\b|testing|\btests?\b"
                                 r"|\bscreen|\bQST\b|range\s+of\s+motion|muscle\s+strength|computerized|\bVNG\b"
                                 r"|audiogra|audiometr|pulmonary\s+function|\bPFTs?\b|stress\s+test|holter"
                                 r"|echocardiog|biopsy|analysis|diagnostic|\bH-?reflex|evoked\s+potential"),
    ("Evaluation & Management", r"consult|history\s+(?:and|&)\s+physical|\bH\s*&\s*P\b"
                                r"|referr|\brefer\b|follow[\s-]*ups?|office\s+visit|\bvisits?\b|evaluat"
                                r"|\bexam(?:ination)?s?\b|assessment|clearance|second\s+opinion|specialist"
                                r"|pain\s+management|\bE\s*&\s*M\b|\bE/M\b|medication\s+management"
                                r"|treating\s+physician|\bphysician\b|internist|surgeon\b|orthopedist|neurologist"),
    ("DMEPOS", r"\bbrac(?:e|es|ing)\b|orthos[ie]s|orthotic|\bsplint|\bsupports?\b|\bTENS\b|transcutaneous|H-?wave"
               r"|interferential|\bIF\s+unit|\bunits?\b|stimulat|\bcanes?\b|walker|wheelchair|scooter|crutch|cold\s+therap"
               r"|cryotherap|\bice\b|hot\s*/\s*cold|heat(?:ing)?\s+(?:pad|wrap)|cushion|pillow|mattress|\bbeds?\b"
               r"|commode|\bshower|\btoilet|grab\s+bars?|durable\s+medical|\bDME\b|\bsuppl(?:y|ies)\b|electrodes"
               r"|batter(?:y|ies)|\bcompression\b|stocking|garment|\bCPM\b|continuous\s+passive|\btraction|\bcollar\b"
               r"|\bsling\b|\bstraps?\b|counter-?\s*force|insole|\bshoes?\b|equipment|\bdevices?\b|\bkits?\b|\bwraps?\b|\btape\b|kinesio|gloves?"
               r"|hearing\s+aids?|glasses|prosthe|rental|purchase|\bchair\b|\blift\b|\bramp\b|\bbrace"),
    ("Surgery", r"surg|\w+ectom(?:y|ies)|\w+otom(?:y|ies)|\w+plast(?:y|ies)|\w+scop(?:y|ic)|\w+desis|fusion|release"
                r"|repair|decompression|reconstruct|replacement|implant|removal|excision|debridement|\bACDF\b"
                r"|\bORIF\b|fixation|revision|\bgraft|amputation|hardware|inpatient|hospital\s+stay"
                r"|length\s+of\s+stay|\bTKA\b|\bTHA\b|\bTKR\b|\bTHR\b|microdisc|kyphoplasty|vertebroplasty"),
    ("Pharmaceuticals", r"#\s*\d|\bcreams?\b|\bointments?\b|\bgels?\b|\blotions?\b|\bpatch(?:es)?\b|\btablets?\b"
                        r"|\bcapsules?\b|\btabs?\b|\bcaps?\b|\bcompound|\btopical|\bmedications?\b|\bprescriptions?\b"
                        r"|\brefills?\b|\bRx\b|\btransdermal|\bsprays?\b|\bsolution\b|\bsuspension\b|\bsyrup\b|\bdrops\b"
                        r"|\bsuppositor|\bXR\b|\bER\b|\bSR\b|\bCR\b|\bODT\b|\bdrugs?\b|\banalgesic|\bopioid|\bNSAID"
                        r"|antidepressant|relaxant|sleep\s+aid"),
)

# Compiled lowercase and without flags, to run on the lowered treatment (fast).
_CATEGORY_RES = tuple((cat, re.compile(pat.lower())) for cat, pat in CATEGORY_RULES)
_WORDS = re.compile(r"[a-z]+")


def categorize(treatment: str) -> str:
    """The canonical category of a treatment as written ("Other" when no rule fits)."""
    low = treatment.lower()
    drug = not DRUG_NAMES.isdisjoint(_WORDS.findall(low))
    for category, rx in _CATEGORY_RES:
        if rx.search(low) or (drug and category == "Pharmaceuticals"):
            return category
    return "Other"


# --------------------------------------------------------------------------
# Outcomes: decision words as printed in headings ("Upheld", "Partially
# Overturned", "Modified"...), most specific first.

OUTCOME_WORDS: tuple[tuple[str, str], ...] = (
    (r"partially\s+overturned|overturned\s+in\s+part|partially\s+upheld|upheld\s+in\s+part|partial(?:ly)?"
     r"(?:\s+(?:certified|approved|authorized|granted))?|modified|certified\s+in\s+part|approved\s+in\s+part",
     PARTIAL),
    (r"not\s+certified|non-?\s*certified|not\s+approved|not\s+authorized|denied|upheld|uphold|affirmed",
     UPHELD),
    (r"overturned|overturn|reversed|certified|approved|authorized|granted", OVERTURNED),
)
OUTCOME_WORD_PATTERN = "(?:" + "|".join(p for p, _ in OUTCOME_WORDS) + ")"
_OUTCOME_RES = tuple((re.compile(r"^(?:" + p + r")$", re.IGNORECASE), o) for p, o in OUTCOME_WORDS)


def outcome_of_word(word: str) -> str | None:
    """Map a printed decision word onto an outcome, None when it is not one."""
    w = " ".join(word.split()).strip(" .:-")
    for rx, outcome in _OUTCOME_RES:
        if rx.match(w):
            return outcome
    return None


# --------------------------------------------------------------------------
# Guidelines


@dataclass(frozen=True)
class Guideline:
    """A canonical guideline: `name` is the value stored in Citation.guideline."""

    name: str
    slug: str
    short_name: str
    mtus_default: bool


MTUS_CHRONIC_PAIN = "MTUS Chronic Pain Medical Treatment Guidelines"
MTUS_ACUPUNCTURE = "MTUS Acupuncture Medical Treatment Guidelines"
MTUS_POSTSURGICAL = "MTUS Postsurgical Treatment Guidelines"
ACOEM = "ACOEM Practice Guidelines"
ODG = "Official Disability Guidelines"
OTHER = "Other"

GUIDELINES: tuple[Guideline, ...] = (
    Guideline(MTUS_CHRONIC_PAIN, "mtus-chronic-pain", "MTUS Chronic Pain", True),
    Guideline(MTUS_ACUPUNCTURE, "mtus-acupuncture", "MTUS Acupuncture", True),
    Guideline(MTUS_POSTSURGICAL, "mtus-postsurgical", "MTUS Postsurgical", True),
    Guideline(ACOEM, "acoem", "ACOEM", True),
    Guideline(ODG, "odg", "ODG", False),
    Guideline(OTHER, "other", "Other", False),
)
GUIDELINE_BY_NAME: dict[str, Guideline] = {g.name: g for g in GUIDELINES}
GUIDELINE_BY_SLUG: dict[str, Guideline] = {g.slug: g for g in GUIDELINES}

# How each guideline is named in letters, longest forms first. The MTUS /
# Non-MTUS qualifier in front of a name is read separately (citations.py).
GUIDELINE_PATTERNS: tuple[tuple[str, str], ...] = (
    (MTUS_CHRONIC_PAIN, r"Chronic\s+Pain\s+(?:Medical\s+)?Treatment\s+Guidelines?(?:\s*\((?:CPMTG|MTUS)\))?"
                        r"|Chronic\s+Pain\s+Medical\s+Treatment|Chronic\s+Pain\s+Guidelines?"
                        r"|(?<=MTUS\s)Chronic\s+Pain(?:\s+(?:section|chapter))?|\bCPMTG\b"),
    (MTUS_ACUPUNCTURE, r"Acupuncture\s+(?:Medical\s+)?Treatment\s+Guidelines?|(?<=MTUS\s)Acupuncture"
                       r"(?:\s+Guidelines?)?|Acupuncture\s+Guidelines|\bAMTG\b"),
    (MTUS_POSTSURGICAL, r"Post-?\s?surgical\s+(?:Medical\s+)?Treatment\s+Guidelines?|Post-?\s?surgical\s+Guidelines?"
                        r"|(?<=MTUS\s)Post-?\s?surgical"),
    (ACOEM, r"American\s+College\s+of\s+Occupational\s+(?:and|&)\s+Environmental\s+Medicine"
            r"(?:\s*\(ACOEM\))?(?:,?\s*(?:Occupational\s+Medicine\s+)?(?:Practice\s+)?Guidelines?)?"
            r"|Occupational\s+Medicine\s+Practice\s+Guidelines?(?:\s*\(ACOEM\))?"
            r"|\bACOEM\b(?:\s+(?:Occupational\s+Medicine\s+)?(?:Practice\s+)?Guidelines?)?"),
    (ODG, r"Official\s+Disability\s+Guidelines?(?:\s*\(ODG\))?(?:\s*[-,]?\s*Treatment\s+in\s+Workers'?\s*"
          r"Comp(?:ensation)?(?:\s*\(ODG[\s-]*TWC\))?)?|\bODG(?:[\s-]*TWC)?\b"),
)

# Sources outside the guidelines above: Citation.guideline "Other", with the
# source as written in Citation.chapter.
OTHER_SOURCES: tuple[str, ...] = (
    r"(?:U\.?S\.?\s+)?Food\s+and\s+Drug\s+Administration(?:\s*\(FDA\))?",
    r"\bFDA\b",
    r"Medline\s*Plus",
    r"Up\s*To\s*Date",
    r"Physicians'?\s+Desk\s+Reference(?:\s*\(PDR\))?",
    r"\bPDR\b",
    r"National\s+Guidelines?\s+Clearinghouse",
    r"AMA\s+Guides[\w ,.]*?(?=,|\.|;|$)",
    r"Drugs\.com",
    r"Epocrates",
    r"Micromedex",
    r"Lexi-?comp",
    r"Work\s+Loss\s+Data\s+Institute",
    r"Clinical\s+Pharmacology",
    r"Cochrane(?:\s+\w+)?",
    r"National\s+Institutes?\s+of\s+Health(?:\s*\(NIH\))?",
    r"Centers\s+for\s+Disease\s+Control(?:\s+and\s+Prevention)?(?:\s*\(CDC\))?",
    r"Medicare(?:\s+National\s+Coverage\s+Determinations?)?",
    r"Merck\s+Manual",
    r"Harrison's[\w ]*",
    r"American\s+(?:Academy|Association|Society|College)\s+of\s+(?!Occupational\s+(?:and|&)\s+Environmental)"
    r"[A-Z][\w'&-]*(?:\s+(?:and\s+|&\s+|of\s+)?[A-Z][\w'&-]*)*",
    r"American\s+Psychiatric\s+Association",
)

# ACOEM Practice Guidelines, 2nd Edition (2004): chapter number by title, so a
# citation that names the chapter without its number still gets the number.
ACOEM_CHAPTERS: dict[str, str] = {
    "1": r"Prevention",
    "2": r"General\s+Approach\s+to\s+Initial\s+Assessment",
    "3": r"Initial\s+Approaches\s+to\s+Treatment",
    "4": r"Work-?\s*Relatedness",
    "5": r"Cornerstones\s+of\s+Disability\s+Prevention",
    "6": r"Pain,?\s+Suffering,?\s+and\s+the\s+Restoration\s+of\s+Function",
    "7": r"Independent\s+Medical\s+Examinations?\s+(?:and|&)\s+Consultations?",
    "8": r"Neck\s+(?:and|&)\s+Upper\s+Back\s+Complaints",
    "9": r"Shoulder\s+Complaints",
    "10": r"Elbow\s+(?:Disorders|Complaints)",
    "11": r"Forearm,?\s+Wrist,?\s+(?:and|&)\s+Hand\s+Complaints",
    "12": r"Low\s+Back\s+Complaints",
    "13": r"Knee\s+Complaints",
    "14": r"Ankle\s+(?:and|&)\s+Foot\s+Complaints",
    "15": r"Stress[\s-]+Related\s+Conditions",
}

# ODG chapter names, longest first; "and"/"&" are interchangeable.
ODG_CHAPTERS: tuple[str, ...] = (
    "Low Back - Lumbar & Thoracic (Acute & Chronic)",
    "Neck & Upper Back (Acute & Chronic)",
    "Forearm, Wrist, & Hand (Acute & Chronic)",
    "Knee & Leg (Acute & Chronic)",
    "Shoulder (Acute & Chronic)",
    "Pain (Chronic)",
    "Low Back - Lumbar & Thoracic",
    "Forearm, Wrist, & Hand",
    "Mental Illness & Stress",
    "Neck & Upper Back",
    "Carpal Tunnel Syndrome",
    "Traumatic Brain Injury",
    "Hip & Pelvis",
    "Ankle & Foot",
    "Knee & Leg",
    "Elbow (Acute & Chronic)",
    "Elbow",
    "Chronic Pain",
    "Low Back",
    "Shoulder",
    "Pain",
    "Head",
    "Hernia",
    "Eye",
    "Burns",
    "Pulmonary",
    "Fitness for Duty",
    "Diabetes",
)

# --------------------------------------------------------------------------
# Reviewer specialties

SPECIALTIES: tuple[str, ...] = (
    "Physical Medicine & Rehabilitation",
    "Orthopedic Surgery",
    "Anesthesiology",
    "Pain Management",
    "Internal Medicine",
    "Family Practice",
    "Occupational Medicine",
    "Neurology",
    "Neurological Surgery",
    "Psychiatry",
    "Psychology",
    "Chiropractic",
    "Acupuncture & Oriental Medicine",
    "Physical Therapy",
    "Emergency Medicine",
    "Dermatology",
    "Plastic Surgery",
    "Podiatry",
    "Sports Medicine",
    "General Surgery",
    "Other",
)

# (pattern, canonical specialty), tried in order on the specialty as written.
SPECIALTY_RULES: tuple[tuple[str, str], ...] = (
    (r"physical\s+medicine|rehabilitation|\bPM\s*&\s*R\b|physiatr", "Physical Medicine & Rehabilitation"),
    (r"orthop(?:a)?edic", "Orthopedic Surgery"),
    (r"neuro-?\s*surg|neurological\s+surg", "Neurological Surgery"),
    (r"an(?:a)?esthesi", "Anesthesiology"),
    (r"pain\s+(?:management|medicine)|interventional\s+pain|algolog", "Pain Management"),
    (r"internal\s+medicine|internist", "Internal Medicine"),
    (r"family\s+(?:practice|medicine|physician)|general\s+practi", "Family Practice"),
    (r"occupational\s+(?:and\s+environmental\s+)?medicine|preventive\s+medicine", "Occupational Medicine"),
    (r"neurolog", "Neurology"),
    (r"psychiatr", "Psychiatry"),
    (r"psycholog", "Psychology"),
    (r"chiropract", "Chiropractic"),
    (r"acupunct|oriental\s+medicine|chinese\s+medicine", "Acupuncture & Oriental Medicine"),
    (r"physical\s+therap", "Physical Therapy"),
    (r"emergency", "Emergency Medicine"),
    (r"dermatolog", "Dermatology"),
    (r"plastic", "Plastic Surgery"),
    (r"podiatr", "Podiatry"),
    (r"sports\s+medicine", "Sports Medicine"),
    (r"general\s+surg|^\s*surgery\s*$", "General Surgery"),
)
_SPECIALTY_RES = tuple((re.compile(p, re.IGNORECASE), s) for p, s in SPECIALTY_RULES)


def normalize_specialty(raw: str) -> str:
    """The canonical specialty for a specialty as written ("Other" when none fits).

    The specialty named first wins ("Psychiatry and Neurology" is Psychiatry);
    at the same place, the earlier rule ("Neurological Surgery" before Neurology)."""
    best: tuple[int, int, str] | None = None
    for order, (rx, specialty) in enumerate(_SPECIALTY_RES):
        m = rx.search(raw)
        if m and (best is None or (m.start(), order) < best[:2]):
            best = (m.start(), order, specialty)
    return best[2] if best else "Other"


US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
    "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "Puerto Rico",
)

# --------------------------------------------------------------------------
# Section headings of the three layouts (FORMATS.md): (key, pattern). Matched
# case-sensitively at the start of a line; keys are what layout.py returns.

SECTION_HEADINGS: tuple[tuple[str, str], ...] = (
    ("method", r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE"),
    ("summary", r"CLINICAL\s+CASE\s+SUMMARY"),
    ("issues", r"IMR\s+ISSUES?,?\s+DECISIONS?,?\s+AND\s+RATIONALES?"),
    ("decisions", r"IMR\s+DECISION\(?S?\)?,?\s+AND\s+RATIONALE\(?S?\)?"),
    ("review_documents", r"DOCUMENTS\s+REVIEWED\s+FOR\s+DETERMINATION"),
    ("documents", r"DOCUMENTS\s+REVIEWED"),
    ("letter_header", r"MAXIMUS\s+FEDERAL\s+SERVICES,?\s+INC\.?"),
    ("professional_review", r"MEDICAL\s+PROFESSIONAL\s+REVIEW"),
    ("issue_list", r"ISSUES?\s+AT\s+DISPUTE"),
    ("case_summary", r"CASE\s+SUMMARY"),
    ("guidelines", r"MEDICAL\s+TREATMENT\s+GUIDELINE\(?S?\)?\s+RELIED\s+UPON(?:\s+BY\s+(?:THE\s+)?PROFESSIONAL"
                   r"\s+REVIEWER)?(?:\s+AND\s+WHY)?"),
    ("rationale", r"RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT\s*/?\s*(?:SERVICE\s+)?(?:IS\s*/\s*WAS|IS|WAS)"
                  r"\s+NOT\s+MEDICALLY\s+NECESSARY"),
    ("qualifications", r"MEDICAL\s+REVIEWER\s+QUALIFICATIONS"),
)
