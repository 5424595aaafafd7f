"""Drug names seen in workers' compensation disputes, and the stems of generic names.

SCHEMA.md: more than 40% of disputed items are pharmaceuticals. A treatment
naming a drug (brand or generic) or a dose is a pharmaceutical before the
broader category rules run, so "Norco for pain management" is not Evaluation
& Management. A generic name no list holds is still known by its stem
("-codone", "-profen", "-prazole"): the International Nonproprietary Names
give drugs of one class one ending. A brand name follows no rule: an unknown
brand without a dose falls to Other with a warning (categories.py).
"""

from __future__ import annotations

__all__ = ["DRUG_NAMES", "DRUG_PHRASES", "DRUG_STEMS", "DOSE", "is_drug_word"]

_DRUG_TEXT = """
acetaminophen tylenol norco vicodin lortab hydrocodone oxycodone oxycontin percocet endocet roxicodone
xartemis tramadol ultram ultracet ryzolt tapentadol nucynta morphine kadian avinza methadone fentanyl
duragesic fentora hydromorphone dilaudid exalgo oxymorphone opana codeine buprenorphine suboxone subutex
butrans belbuca zubsolv naloxone narcan naltrexone meperidine demerol levorphanol pentazocine hysingla zohydro
xtampza embeda conzip nalocet primlev cyclobenzaprine flexeril fexmid amrix carisoprodol soma tizanidine
zanaflex baclofen lioresal methocarbamol robaxin orphenadrine norflex metaxalone skelaxin chlorzoxazone
parafon lorzone dantrolene gabapentin neurontin gralise horizant pregabalin lyrica topiramate topamax
carbamazepine tegretol oxcarbazepine trileptal lamotrigine lamictal levetiracetam keppra duloxetine cymbalta
amitriptyline elavil nortriptyline pamelor desipramine imipramine doxepin silenor venlafaxine effexor
desvenlafaxine pristiq milnacipran savella sertraline zoloft fluoxetine prozac paroxetine paxil citalopram
celexa escitalopram lexapro vortioxetine trintellix vilazodone viibryd trazodone desyrel oleptro bupropion
wellbutrin mirtazapine remeron buspirone buspar naproxen anaprox naprosyn aleve ibuprofen motrin advil
meloxicam mobic diclofenac voltaren arthrotec zipsor cambia zorvolex celecoxib celebrex etodolac lodine
nabumetone relafen ketoprofen flurbiprofen ketorolac toradol sprix indomethacin indocin tivorbex piroxicam
feldene oxaprozin daypro sulindac clinoril salsalate diflunisal dolobid aspirin duexis vimovo omeprazole
prilosec pantoprazole protonix esomeprazole nexium lansoprazole prevacid rabeprazole aciphex dexlansoprazole
dexilant ranitidine zantac famotidine pepcid sucralfate carafate misoprostol cytotec ondansetron zofran
promethazine phenergan metoclopramide reglan prochlorperazine compazine docusate colace senna sennosides
senokot bisacodyl dulcolax lactulose miralax linaclotide linzess lubiprostone amitiza naloxegol movantik
methylnaltrexone relistor naldemedine symproic zolpidem ambien edluar intermezzo eszopiclone lunesta zaleplon
sonata ramelteon rozerem suvorexant belsomra temazepam restoril alprazolam xanax clonazepam klonopin lorazepam
ativan diazepam valium chlordiazepoxide librium hydroxyzine vistaril atarax quetiapine seroquel aripiprazole
abilify olanzapine zyprexa risperidone risperdal lurasidone latuda lithium lidocaine lidoderm xylocaine
capsaicin qutenza zostrix menthol bengay terocin flector pennsaid ketamine prednisone prednisolone medrol
methylprednisolone dexamethasone sumatriptan imitrex rizatriptan maxalt fioricet fiorinal butalbital esgic
sildenafil viagra tadalafil cialis testosterone androgel modafinil provigil armodafinil nuvigil
methylphenidate ritalin adderall glucosamine chondroitin theramine sentra trepadone gabadone vitamin
melatonin metformin lisinopril amlodipine atorvastatin simvastatin insulin levothyroxine warfarin coumadin
clopidogrel plavix apixaban eliquis rivaroxaban xarelto enoxaparin lovenox colchicine allopurinol cetirizine
loratadine diphenhydramine benadryl nicotine chantix varenicline phentermine qsymia contrave dendracin
genicin somnicin laxacin fluriflex keratek mentherm menthoderm medrox thermacin biofreeze salonpas ketoflex
cyclophene synapryn tabradol deprizine dicopanol fanatrex xolido lidopro flurlido terocin ultracin
"""
DRUG_NAMES: frozenset[str] = frozenset(_DRUG_TEXT.split())

# Endings of International Nonproprietary Names, by class: opioids, NSAIDs, proton pump
# inhibitors, H2 blockers, antiemetics, triptans, statins, benzodiazepines, barbiturates,
# antidepressants, gabapentinoids, antiepileptics, antipsychotics, local anaesthetics,
# antibiotics, cardiovascular drugs, anticoagulants.
DRUG_STEMS: tuple[str, ...] = (
    "codone", "morphone", "orphine", "fentanil", "profen", "fenac", "oxicam", "coxib", "prazole", "tidine",
    "setron", "triptan", "statin", "zepam", "zolam", "barbital", "triptyline", "pramine", "oxetine", "faxine",
    "pentin", "gabalin", "tadol", "amadol", "azodone", "carbazepine", "iracetam", "otrigine", "piprazole",
    "peridone", "quetiapine", "olanzapine", "caine", "mycin", "cillin", "cycline", "floxacin", "olol", "sartan",
    "dipine", "afil", "semide", "thiazide", "xaban", "parin", "lukast", "tropium", "sone", "olone", "asone",
)
# A stem counts only on a word at least this long: "april" is not an ACE inhibitor.
_MIN_STEMMED = 7

# Drugs named in two words, and the words that make a drug of what follows (SCHEMA.md).
DRUG_PHRASES = r"ms\s*contin|polyethylene\s+glycol|methyl\s+salicylate|medical\s+food|fish\s+oil"
# A dose: "10mg", "0.5 mg", "5%", "/325mg", "75 mcg/hr", "120 gm".
DOSE = r"\b\d+(?:\.\d+)?\s?(?:mg|mcg|µg|ug|gm?s?|grams?|ml|cc|iu|meq)\b|\d\s?%|/\d+\s?mg"


def is_drug_word(word: str) -> bool:
    """Whether a lowercase word names a drug: one of DRUG_NAMES, or a generic name by its stem."""
    return word in DRUG_NAMES or (len(word) >= _MIN_STEMMED and word.endswith(DRUG_STEMS))
