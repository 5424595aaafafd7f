"""Treatment categories (SCHEMA.md, "Canonical treatment categories") and the rules
that put a treatment as written into one.

Each rule has words, matched case-insensitively in the lowered treatment, and
acronyms, matched as written: "PET scan" is imaging, "Pet therapy" is not;
"HELP program" is a program, "aide to help with bathing" is not. In a
treatment of several words printed all in capitals an acronym that spells an
ordinary word (HELP, PET, TENS) cannot be told from the word, so only the
other acronyms count there.

The first rule that matches wins, so the order is SCHEMA.md's precedence:
consultations, referrals and follow-up visits are Evaluation & Management
whatever the specialty; labs, urine drug screens, EMG/NCV and sleep studies
are Other Diagnostic Testing even when they name a drug; a named drug or a
dose is a pharmaceutical before the broader rules read "management" or
"program". categorize() returns None when no rule knows the treatment: the
caller files it under Other with a warning, so it reaches the review queue.

Every rule is linear in the treatment's length (no unbounded repeat before
another repeat), and categorize() reads at most MAX_CHARS characters: a
heading run into a paragraph costs no more than a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imr_archive.parsing.vocabulary.drugs import DOSE, DRUG_PHRASES, is_drug_word

__all__ = ["CATEGORIES", "CATEGORY_RULES", "MAX_CHARS", "OTHER_CATEGORY", "CategoryRule", "categorize"]

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
OTHER_CATEGORY = "Other"
# A treatment's category is decided by its first words; the rest of an overlong heading is debris.
MAX_CHARS = 400


@dataclass(frozen=True)
class CategoryRule:
    """`words`: a regex over the lowered treatment. `acronyms`: capitalised tokens, matched
    as whole tokens as written. `word_acronyms`: acronyms that spell ordinary words, not
    trusted in a treatment printed all in capitals. `drugs`: a drug name or stem matches."""

    category: str
    words: str = ""
    acronyms: tuple[str, ...] = ()
    word_acronyms: tuple[str, ...] = ()
    drugs: bool = False


# Tried in order; the first that matches wins (module docstring).
CATEGORY_RULES: tuple[CategoryRule, ...] = (
    # Rides and interpreters are Other by SCHEMA.md's list (no category names them).
    CategoryRule("Other", r"transportation|\btransport\b|\btaxi\b|\bmileage\b|\binterpret(?:er|ers|ing)\b"
                          r"|\btranslat(?:or|ion)"),
    # SCHEMA.md: consultations, referrals and follow-up office visits are E&M whatever the specialty.
    CategoryRule("Evaluation & Management",
                 r"consult|referr|\brefer\b|second\s+opinion|follow[\s-]?ups?\s(?:office\s)?visits?"
                 r"|office\s(?:visits?|follow)|history\s(?:and|&)\sphysical|\bclearance\b|\bh\s?&\s?p\b|\be\s?&\s?m\b"
                 r"|\be/m\b"),
    # SCHEMA.md: urine drug screens, EMG/NCV, labs and sleep studies are Other Diagnostic
    # Testing, before a drug named in them ("urine toxicology for opioids").
    CategoryRule("Other Diagnostic Testing",
                 r"urine|drug\s(?:screen|test|panel)|toxicolog|\blabs?\b|laborator|blood\s(?:work|tests?|draws?"
                 r"|panels?|levels?)|bloodwork|nerve\sconduction|electrodiagnos|electromyog|sleep\s(?:stud|test)"
                 r"|polysomnog|\bgenetic\s|pharmacogen|metaboli[cz]",
                 acronyms=("UDS", "UDT", "EMG", "EMGs", "NCV", "NCVs", "NCS", "NCSs", "CBC", "CMP", "BMP", "PTT",
                           "INR", "HbA1c", "A1c", "ESR", "CRP", "TSH", "PSG", "MSLT", "DNA")),
    # Procedures in an operating room, and implanted stimulators and pumps (SCHEMA.md: Surgery).
    CategoryRule("Surgery", r"under\s(?:general\s)?an(?:a)?esthesia|assistant\ssurgeon|co-?\s?surgeon|surgical\sassist"
                            r"|spinal\scord\sstimulat|dorsal\scolumn\sstimulat|intrathecal\s(?:pump|drug)",
                 acronyms=("MUA", "SCS")),
    CategoryRule("Injections", r"inject|epidural|\bblocks?\b|facet|trigger\spoints?|radiofrequency|rhizotomy"
                               r"|neurotomy|ablation|botox|botulinum|viscosupplement|synvisc|hyalgan|supartz"
                               r"|orthovisc|euflexxa|monovisc|gel-?one|hyaluron|cortisone|steroid\sshot|\bshots?\b"
                               r"|platelet[\s-]rich|prolotherap|stem\scell|ozone|sclerotherap|infusion",
                 acronyms=("ESI", "ESIs", "TPI", "TPIs", "RFA", "PRP", "LESI", "TFESI", "CESI", "MBB")),
    # A named drug or a dose, before "program" or "management" can claim it.
    CategoryRule("Pharmaceuticals", DOSE + "|" + DRUG_PHRASES, drugs=True),
    # SCHEMA.md: functional restoration, work hardening, gym, pool and weight-loss programs are Programs.
    CategoryRule("Programs", r"functional\srestoration|work\s(?:hardening|conditioning)|weight[\s-]?(?:loss|reduction"
                             r"|management)|\bgym\b|health\sclub|fitness\s(?:club|center|membership|program)"
                             r"|\bymca\b|pool\s(?:access|membership|pass)|swim(?:ming)?\s(?:program|membership|pass)"
                             r"|\bdetox|pain\s(?:rehabilitation\s)?program|multidisciplinary|interdisciplinary"
                             r"|back\sschool|lindora|nutrisystem|weight\swatchers|medifast|jenny\scraig",
                 acronyms=("FRP", "FRPs"), word_acronyms=("HELP",)),
    CategoryRule("Home Health", r"home\shealth|home\scare|home\snurs|nursing\s(?:care|visits?|services?)|\baides?\b"
                                r"|caregiver|care\s?giver|in[\s-]home|attendant\scare|housekeep|homemaker|home\sassist"
                                r"|skilled\snursing|personal\scare|chore\sservices?|meals?\son\swheels"),
    CategoryRule("Psychological Services",
                 r"psycholog|psychotherap|psychiatr|cognitive|hypno|biofeedback|counsel|behavio(?:u)?ral\s(?:therapy"
                 r"|medicine|intervention|health|treatment)|relaxation|stress\smanagement|mental\shealth"
                 r"|group\stherapy|mindfulness|anger\smanagement|neurofeedback|\bpsych\b",
                 acronyms=("CBT", "EMDR", "DBT")),
    CategoryRule("Physical Therapy",
                 r"physical\stherap|physiotherap|occupational\stherap|aqua(?:tic)?\s?therap|pool\stherap"
                 r"|water\stherap|hand\stherap|therapeutic\sexercise|physical\smedicine|massage|myofascial\srelease"
                 r"|\bphysio\b|ultrasound\stherap|therapeutic\sultrasound|post-?\s?op(?:erative)?\stherapy"
                 r"|rehab(?:ilitation)?\s(?:therapy|sessions?|visits?)|\btherapy\s(?:sessions?|visits?)|iontophoresis"
                 r"|phonophoresis|shock\s?wave|laser\stherapy|paraffin|home\sexercise\sprogram|dry\sneedling"
                 r"|vestibular\s(?:therapy|rehab)|speech\stherap|\bpt\s(?:sessions?|visits?)\b|cold\slaser"
                 r"|low[\s-]level\slaser|infrared|whirlpool|land[\s-]based|hydrotherap|decompression\stherap"
                 r"|\bp\.t\.|\bo\.t\.",
                 acronyms=("PT", "OT", "ESWT")),
    CategoryRule("Chiropractic", r"chiropract|manipulat|spinal\sadjust|osteopathic", acronyms=("CMT", "OMT", "OMM")),
    CategoryRule("Acupuncture", r"acupunct|acupress|cupping|moxibustion|electroacup"),
    # Any other program, once the therapies that run as programs ("aquatic therapy program",
    # "home exercise program") have had their turn.
    CategoryRule("Programs", r"\bprograms?\b"),
    # SCHEMA.md: MRI, CT, X-ray and bone scans are Diagnostic Imaging.
    CategoryRule("Diagnostic Imaging",
                 r"magnetic\sresonance|\bmri|cat\sscan|computed\stomog|x-?\s?rays?|radiograph|bone\sscan|\bscans?\b"
                 r"|ultrasound|sonogra|\bimaging|arthrogra|myelogra|discogra|fluoroscop|venogra|angiogra|doppler"
                 r"|\bfilms?\b|\bviews?\b|\bdexa\b",
                 acronyms=("MRA", "MRAs", "CT", "CTs", "DXA", "SPECT"),
                 word_acronyms=("PET", "CAT")),
    CategoryRule("Other Diagnostic Testing",
                 r"functional\scapacity|testing|\btests?\b|\bscreen|range\sof\smotion|muscle\sstrength|computerized"
                 r"|audiogra|audiometr|pulmonary\sfunction|stress\stest|holter|echocardiog|biopsy|analysis"
                 r"|diagnostic|h-?reflex|evoked\spotential|electrocardiog|\bpanel\b|spirometr",
                 acronyms=("FCE", "FCEs", "QST", "VNG", "PFT", "PFTs", "EKG", "ECG", "EEG", "SSEP")),
    CategoryRule("Evaluation & Management",
                 r"follow[\s-]?ups?|\bvisits?\b|evaluat|\bexam(?:ination)?s?\b|assessment|specialist|appointment"
                 r"|pain\smanagement|medication\smanagement|treating\sphysician|\bphysician\b|internist|surgeon\b"
                 r"|orthopedist|neurologist|physiatrist|rheumatologist|podiatrist|\bdoctor\b"),
    CategoryRule("DMEPOS",
                 r"\bbrac(?:e|es|ing)\b|orthos[ie]s|orthotic|\bsplint|\bsupports?\b|transcutaneous|h-?wave"
                 r"|interferential|\bunits?\b|stimulat|\bcanes?\b|walker|wheelchair|scooter|crutch|cold\stherap"
                 r"|cryotherap|\bice\b|hot\s?/\s?cold|heat(?:ing)?\s(?:pad|wrap)|cushion|pillow|mattress|\bbeds?\b"
                 r"|commode|\bshower|\btoilet|grab\sbars?|durable\smedical|\bsuppl(?:y|ies)\b|electrodes"
                 r"|batter(?:y|ies)|\bcompression\b|stocking|garment|continuous\spassive|\btraction|\bcollar\b"
                 r"|\bsling\b|\bstraps?\b|counter-?\s?force|insole|\bshoes?\b|equipment|\bdevices?\b|\bkits?\b"
                 r"|\bwraps?\b|\btape\b|kinesio|gloves?|hearing\saids?|glasses|prosthe|rental|purchase|\bchair\b"
                 r"|\blift\b|\bramp\b|reacher|grabber|\bmonitor\b|nebuli[sz]er|\bmachine\b|(?:hot|cold|ice)\s(?:and\s)?"
                 r"(?:cold\s)?packs?|game\s?ready|vascutherm|polar\s?care|cryo\s?cuff|inversion\stable|pain\spump|on-q",
                 acronyms=("DME", "CPM", "CPAP", "BiPAP", "LSO", "TLSO", "AFO", "KAFO", "SPS"),
                 word_acronyms=("TENS",)),
    # Operations by their suffix (-ectomy, -otomy, -plasty, -scopy, -desis) and their nouns.
    CategoryRule("Surgery", r"surg|ectom(?:y|ies)|otom(?:y|ies)|plast(?:y|ies)\b|scop(?:y|ic)\b|desis\b|fusion"
                            r"|release|repair|decompression|reconstruct|replacement|implant|removal|excision"
                            r"|debridement|fixation|revision|\bgraft|amputation|hardware|inpatient|hospital\sstay"
                            r"|length\sof\sstay|microdisc|kyphoplasty|vertebroplasty|operati(?:on|ve)",
                 acronyms=("ACDF", "ORIF", "TKA", "THA", "TKR", "THR", "ALIF", "TLIF", "PLIF", "XLIF", "ACL")),
    # Forms and words of medicines: "#60", "cream", "patches", "ER", "ODT", "NSAID".
    CategoryRule("Pharmaceuticals",
                 r"#\s?\d|\bcreams?\b|\bointments?\b|\bgels?\b|\blotions?\b|\bpatch(?:es)?\b|\btablets?\b"
                 r"|\bcapsules?\b|\btabs?\b|\bcaps?\b|\bcompound|\btopical|\bmedications?\b|\bprescriptions?\b"
                 r"|\brefills?\b|\btransdermal|\bsprays?\b|\bsolution\b|\bsuspension\b|\bsyrup\b|\bdrops\b"
                 r"|\bsuppositor|\bdrugs?\b|\banalgesic|\bopioid|\bnsaid|antidepressant|relaxant|sleep\said"
                 r"|\bfilms?\s(?:buccal|sublingual)|\bbuccal|sublingual|lozenge",
                 acronyms=("XR", "ER", "SR", "CR", "IR", "ODT", "XL", "DR", "Rx", "NSAID", "NSAIDs")),
)


@dataclass(frozen=True)
class _Compiled:
    category: str
    words: re.Pattern[str] | None
    acronyms: frozenset[str]
    word_acronyms: frozenset[str]
    drugs: bool


_RULES = tuple(
    _Compiled(r.category, re.compile(r.words) if r.words else None, frozenset(r.acronyms),
              frozenset(r.word_acronyms), r.drugs)
    for r in CATEGORY_RULES
)
# Tokens as written: an acronym matches a whole token ("PT" in "PT/PTT" is a token, in "PTT" not).
_TOKENS = re.compile(r"[A-Za-z0-9]+")


def categorize(treatment: str) -> str | None:
    """The canonical category of a treatment as written, or None when no rule knows it."""
    text = treatment[:MAX_CHARS]
    low = text.lower()
    tokens = frozenset(_TOKENS.findall(text))
    # An all-capitals treatment of several words cannot tell HELP from "help"; one word alone ("TENS") can.
    ambiguous = len(tokens) > 1 and not any(c.islower() for c in text)
    drug = any(is_drug_word(w.lower()) for w in tokens)
    for rule in _RULES:
        if ((rule.drugs and drug) or (rule.words is not None and rule.words.search(low))
                or not tokens.isdisjoint(rule.acronyms)
                or (not ambiguous and not tokens.isdisjoint(rule.word_acronyms))):
            return rule.category
    return None
