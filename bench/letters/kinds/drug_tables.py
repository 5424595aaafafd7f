"""Drug tables (name, strengths, quantities, weight) and the citations each side draws for them."""

from ..citations import cp, odg

OPIOIDS = [
    ("Norco", ["10/325mg", "7.5/325mg", "5/325mg"], [60, 90, 120, 180], 24),
    ("Hydrocodone/APAP", ["10/325mg", "7.5/325mg"], [60, 90, 120], 10),
    ("Tramadol", ["50mg"], [60, 90, 120], 16),
    ("Tramadol ER", ["150mg", "100mg", "200mg"], [30, 60], 8),
    ("Oxycodone", ["5mg", "10mg", "15mg", "30mg"], [60, 90, 120], 8),
    ("OxyContin", ["10mg", "20mg", "40mg"], [60, 90], 4),
    ("Percocet", ["10/325mg", "5/325mg"], [60, 90, 120], 6),
    ("Oxycodone/APAP", ["10/325mg", "5/325mg"], [60, 90], 3),
    ("Tapentadol (Nucynta)", ["50mg", "75mg"], [60, 90], 3),
    ("Nucynta ER", ["100mg", "150mg"], [60], 2),
    ("Morphine sulfate ER", ["15mg", "30mg"], [60, 90], 2),
    ("MS Contin", ["15mg", "30mg", "60mg"], [60, 90], 2),
    ("Fentanyl patch", ["25mcg/hr", "50mcg/hr"], [10, 15], 2),
    ("Hydromorphone", ["2mg", "4mg"], [60, 90], 2),
    ("Methadone", ["5mg", "10mg"], [90, 120], 1.5),
    ("Butrans patch", ["5mcg/hr", "10mcg/hr"], [4], 1.5),
    ("Ultracet", ["37.5/325mg"], [60, 90], 2),
    ("Acetaminophen with codeine", ["300/30mg"], [60, 90], 1.5),
    ("Hysingla ER", ["20mg", "30mg"], [30], 1),
]
MUSCLE = [
    ("Cyclobenzaprine", ["7.5mg", "10mg", "5mg"], [30, 60, 90], 40),
    ("Flexeril", ["10mg", "7.5mg"], [30, 60], 8),
    ("Tizanidine", ["2mg", "4mg"], [60, 90], 14),
    ("Baclofen", ["10mg", "20mg"], [60, 90], 6),
    ("Carisoprodol (Soma)", ["350mg"], [60, 90], 8),
    ("Soma", ["350mg"], [30, 60], 5),
    ("Methocarbamol", ["500mg", "750mg"], [60, 90], 6),
    ("Orphenadrine ER", ["100mg"], [60], 6),
    ("Metaxalone", ["800mg"], [60], 3),
]
NSAIDS = [
    ("Naproxen", ["550mg", "500mg"], [60, 90], 20),
    ("Naproxen sodium", ["550mg"], [60, 90, 100], 12),
    ("Anaprox DS", ["550mg"], [60], 4),
    ("Ibuprofen", ["800mg", "600mg"], [60, 90], 12),
    ("Meloxicam", ["7.5mg", "15mg"], [30, 60], 10),
    ("Diclofenac sodium ER", ["100mg"], [30, 60], 8),
    ("Celecoxib (Celebrex)", ["200mg", "100mg"], [30, 60], 6),
    ("Nabumetone", ["500mg", "750mg"], [60, 90], 6),
    ("Etodolac ER", ["400mg"], [30, 60], 3),
    ("Relafen", ["750mg"], [60], 2),
]
PPIS = [
    ("Omeprazole", ["20mg", "40mg"], [30, 60, 90], 40),
    ("Prilosec", ["20mg"], [30, 60], 6),
    ("Pantoprazole", ["20mg", "40mg"], [30, 60], 20),
    ("Protonix", ["20mg", "40mg"], [60], 5),
    ("Ranitidine", ["150mg"], [60], 10),
    ("Lansoprazole", ["30mg"], [30], 6),
]
AEDS = [
    ("Gabapentin", ["300mg", "600mg", "800mg"], [60, 90, 120], 40),
    ("Neurontin", ["300mg", "600mg"], [90], 8),
    ("Pregabalin (Lyrica)", ["75mg", "150mg", "50mg"], [60, 90], 15),
    ("Lyrica", ["75mg", "150mg"], [60], 8),
    ("Topiramate", ["25mg", "50mg"], [60], 6),
]
ANTIDEP = [
    ("Duloxetine (Cymbalta)", ["30mg", "60mg"], [30, 60], 15),
    ("Cymbalta", ["60mg", "30mg"], [30], 8),
    ("Amitriptyline", ["10mg", "25mg", "50mg"], [30, 60], 12),
    ("Nortriptyline", ["25mg", "10mg"], [30, 60], 6),
    ("Trazodone", ["50mg", "100mg"], [30, 60], 10),
    ("Sertraline", ["50mg", "100mg"], [30], 6),
    ("Venlafaxine ER", ["75mg", "150mg"], [30], 4),
]
BENZOS = [
    ("Alprazolam", ["0.5mg", "1mg", "0.25mg"], [30, 60, 90], 25),
    ("Xanax", ["0.5mg", "1mg"], [30, 60], 6),
    ("Clonazepam", ["0.5mg", "1mg"], [30, 60], 15),
    ("Lorazepam", ["1mg", "0.5mg"], [30, 60], 10),
    ("Diazepam", ["5mg", "10mg"], [30, 60], 10),
    ("Temazepam", ["15mg", "30mg"], [30], 10),
]
HYPNOTICS = [
    ("Zolpidem", ["10mg", "5mg"], [30], 40),
    ("Ambien", ["10mg", "5mg"], [30], 12),
    ("Zolpidem ER", ["12.5mg", "6.25mg"], [30], 10),
    ("Eszopiclone (Lunesta)", ["2mg", "3mg"], [30], 8),
    ("Lunesta", ["3mg"], [30], 4),
]
ANTIEMETICS = [
    ("Ondansetron", ["8mg ODT", "4mg", "8mg"], [20, 30], 50),
    ("Zofran", ["8mg", "4mg"], [20, 30], 10),
    ("Promethazine", ["25mg", "12.5mg"], [30, 60], 10),
]
LAXATIVES = [
    ("Docusate sodium", ["100mg", "250mg"], [60, 90], 10),
    ("Senokot-S", ["8.6/50mg"], [60, 100], 6),
]
TOPICALS = [
    "Lidoderm 5% patch #{q}",
    "Lidoderm 5% patches #{q}",
    "Lidocaine 5% patch #{q}",
    "Lidocaine 5% ointment, {g}gm",
    "Compounded Ketoprofen 20% cream, {g}gm",
    "Flurbiprofen 20%/Lidocaine 5% cream, {g}gm",
    "Terocin patch #{q}",
    "Terocin lotion {g}ml",
    "Menthoderm gel {g}gm",
    "Voltaren 1% gel {g}gm",
    "Diclofenac sodium 1% gel, {g}gm",
    "Capsaicin 0.075% cream {g}gm",
    "Gabapentin 10%/Ketoprofen 10% cream, {g}gm",
    "Compounded topical cream containing Flurbiprofen 20%, Cyclobenzaprine 4% and Lidocaine 5%, {g}gm",
    "Compound: Flurbiprofen/Cyclobenzaprine/Menthol cream, {g}gm",
    "Compounded Tramadol 8%/Gabapentin 10% cream, {g}gm",
]

OPIOID_CA = [
    (cp("Opioids", "74-96"), 30),
    (cp("Opioids, criteria for use", "76-80"), 30),
    (cp("Criteria for use of opioids", "76-80"), 6),
    (cp("Opioids, specific drug list", "91-94"), 6),
    (cp(None, "74-96"), 5),
    (odg("Pain (Chronic)", "Opioids, criteria for use"), 5),
    (cp("Opioids for chronic pain", "80-82"), 5),
]
OPIOID_REV = [
    (cp("Opioids, criteria for use", "76-80"), 30),
    (cp("Opioids, criteria for use", "76-80, 88-89"), 8),
    (cp("Opioids, long-term assessment", "88-89"), 12),
    (cp("Opioids, dosing", "86"), 8),
    (cp("Opioids, on-going management", "78"), 12),
    (cp("When to Discontinue Opioids", "79-80"), 6),
    (cp("Opioids for chronic pain", "80-82"), 6),
    (cp("Opioids", "74-96"), 8),
]
OPIOID_EXTRA = [
    (cp("Weaning of Medications", "124"), 5),
    (cp("Opioids, dealing with misuse & addiction", "84-85"), 2),
    (cp("Drug testing", "43"), 2),
    (odg("Pain (Chronic)", "Opioids, criteria for use"), 2),
]
