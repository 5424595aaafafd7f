"""Canonical names the expected parses use (SCHEMA.md): guidelines, layouts, ACOEM chapters."""

G_CP = "MTUS Chronic Pain Medical Treatment Guidelines"
G_ACU = "MTUS Acupuncture Medical Treatment Guidelines"
G_POST = "MTUS Postsurgical Treatment Guidelines"
G_ACOEM = "ACOEM Practice Guidelines"
G_ODG = "Official Disability Guidelines"
G_OTHER = "Other"

EDITION = "2nd Edition (2004)"

FORMAT_DET = "determination"
FORMAT_DOCS = "documents-reviewed"
FORMAT_PROF = "professional-review"
FORMAT_NOTICE = "notice"


ACOEM_CHAPTERS: dict[int, str] = {
    6: "Pain, Suffering, and the Restoration of Function",
    7: "Independent Medical Examinations and Consultations",
    8: "Neck and Upper Back Complaints",
    9: "Shoulder Complaints",
    10: "Elbow Complaints",
    11: "Forearm, Wrist, and Hand Complaints",
    12: "Low Back Complaints",
    13: "Knee Complaints",
    14: "Ankle and Foot Complaints",
    15: "Stress Related Conditions",
}
