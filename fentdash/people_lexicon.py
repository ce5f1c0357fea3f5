"""Word lists for finding people and their speech (data, not logic).

``people`` builds its patterns from these sets; edit them here to teach the parser a new
title, organisation word or reporting verb. Facts about particular people (roles, terms,
gender) live in ``data/officials.csv``, not here: ``FEMALE_GIVEN_NAMES`` and
``MALE_GIVEN_NAMES`` are only a fallback for people the knowledge base does not know.
"""

from __future__ import annotations

from typing import Literal

Gender = Literal["male", "female"]

# fmt: off
# Words naming a role; a role phrase must contain one (lower case).
ROLE_NOUNS: frozenset[str] = frozenset({
    "attorney", "administrator", "director", "secretary", "commissioner", "sheriff", "chief",
    "head", "official", "spokesperson", "spokesman", "spokeswoman", "agent", "officer",
    "president", "senator", "representative", "congressman", "congresswoman", "governor",
    "mayor", "judge", "prosecutor", "doctor", "professor", "inspector", "supervisor",
    "superintendent", "coroner", "examiner", "surgeon", "czar", "chair", "chairman",
    "chairwoman", "commander", "detective", "captain", "lieutenant", "sergeant", "manager",
    "coordinator", "adviser", "advisor", "counselor", "analyst", "researcher", "scientist",
    "epidemiologist", "toxicologist", "lawyer", "counsel", "leader", "minister", "ambassador",
    "trooper", "marshal", "warden", "ceo", "founder", "chancellor", "dean", "nurse",
    "physician", "pharmacist", "economist", "expert", "lawmaker", "deputy", "principal",
    "dr.", "mr.", "mrs.", "ms.", "sen.", "rep.", "gov.", "lt.", "sgt.", "capt.", "gen.",
    "col.", "det.", "prof.", "insp.", "cmdr.", "supt.",
})
# Words that only modify a role noun.
ROLE_MODIFIERS: frozenset[str] = frozenset({
    "acting", "general", "former", "deputy", "assistant", "associate", "special", "senior",
    "executive", "top", "interim", "chief", "principal", "area", "port", "field", "district",
    "regional", "national", "federal", "state", "county", "city", "u.s.", "us", "united",
    "states", "vice", "lead", "medical", "health", "public", "drug", "then", "charge",
})
HONORIFICS: frozenset[str] = frozenset({
    "Dr.", "Mr.", "Mrs.", "Ms.", "Sen.", "Rep.", "Gov.", "Lt.", "Sgt.", "Capt.", "Gen.",
    "Col.", "Det.", "Prof.", "Insp.", "Cmdr.", "Supt.",
})
# Abbreviated titles, spelled out to match the knowledge base's role names.
ROLE_ABBREVIATIONS: dict[str, str] = {
    "sen.": "senator", "rep.": "representative", "gov.": "governor", "dr.": "doctor",
}
# Common given names with a conventional gender, used only to pick a pronoun's antecedent.
FEMALE_GIVEN_NAMES: frozenset[str] = frozenset({
    "Anne", "Ann", "Anna", "Pam", "Pamela", "Sally", "Loretta", "Lisa", "Michele", "Michelle",
    "Rochelle", "Mandy", "Debra", "Deborah", "Brenda", "Regina", "Sylvia", "Mary", "Maria",
    "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
    "Karen", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
    "Carol", "Amanda", "Melissa", "Stephanie", "Rebecca", "Laura", "Sharon", "Cynthia",
    "Kathleen", "Amy", "Angela", "Helen", "Julie", "Joyce", "Victoria", "Kelly", "Christina",
    "Lauren", "Rachel", "Rachael", "Catherine", "Kathryn", "Heather", "Diane", "Nicole",
    "Janet", "Jane", "Nora", "Rosa", "Ana", "Alice", "Julia", "Grace", "Kamala", "Hillary",
    "Gina", "Tina", "Teresa", "Andrea", "Ruth", "Carmen", "Monica", "Wendy",
})
MALE_GIVEN_NAMES: frozenset[str] = frozenset({
    "Jeff", "Jefferson", "Rod", "Matthew", "Matt", "William", "Bill", "Jeffrey",
    "Chuck", "Charles", "Robert", "Bob", "Timothy", "Tim", "Derek",
    "Terrance", "Terry", "Tom", "Thomas", "Michael", "Richard", "Jim", "James",
    "Eric", "Alex", "Alexander", "Xavier", "Barack", "Donald", "Joe", "Joseph", "Kevin",
    "Chris", "Christopher", "Troy", "Scott", "John", "David", "Daniel", "Dan", "Mark", "Paul",
    "Steven", "Steve", "Andrew", "Kenneth", "Brian", "George", "Edward", "Ronald", "Anthony",
    "Frank", "Gary", "Larry", "Jose", "José", "Juan", "Carlos", "Luis", "Peter", "Sam",
    "Samuel", "Benjamin", "Ben", "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
    "Adam", "Henry", "Douglas", "Nathan", "Zachary", "Kyle", "Walter", "Ethan", "Jeremy",
    "Harold", "Keith", "Roger", "Gerald", "Carl", "Sean", "Austin", "Arthur",
    "Lawrence", "Jesse", "Dylan", "Bryan", "Jordan", "Billy", "Bruce", "Albert",
    "Willie", "Gabriel", "Logan", "Alan", "Wayne", "Roy", "Ralph", "Randy", "Eugene",
    "Vincent", "Russell", "Louis", "Philip", "Bobby", "Johnny", "Bradley", "Mike", "Greg",
    "Gregory", "Marty", "Devin", "Rene", "Raul", "Alejandro", "Grady", "Ron", "Rick",
})
# Honorifics that say nothing about a role.
PLAIN_HONORIFICS: frozenset[str] = frozenset({"Mr.", "Mrs.", "Ms."})
MALE_HONORIFICS: frozenset[str] = frozenset({"Mr."})
FEMALE_HONORIFICS: frozenset[str] = frozenset({"Mrs.", "Ms."})
# Capitalised words that belong to organisations, places, programmes or documents.
ORG_WORDS: frozenset[str] = frozenset({
    "Administration", "Department", "Office", "Agency", "Bureau", "Division", "Center",
    "Centers", "Service", "Services", "Council", "Committee", "Commission", "Court", "County",
    "District", "State", "States", "Facility", "Investigations", "Security", "Police",
    "Patrol", "Force", "Team", "Unit", "Section", "Program", "Protection", "Prevention",
    "Control", "Enforcement", "Affairs", "Justice", "Health", "House", "Senate", "Congress",
    "University", "Institute", "Institutes", "Association", "Foundation", "Group", "Airport",
    "Street", "Avenue", "Road", "Cargo", "Border", "Customs", "Operations", "Coalition",
    "Alliance", "Network", "Task", "Strategy", "Policy", "Report", "Act", "Hospital",
    "Clinic", "Medical", "College", "School", "Board", "Authority", "Ministry", "Government",
    "Republic", "Party", "Company", "Corporation", "News", "Times", "Post", "Journal", "Press",
    "Daily", "Tribune", "Herald", "Industries", "Laboratories", "Laboratory", "Express",
    "Consignment", "Mail", "Port", "Area", "Drug", "Drugs", "Opioid", "Opioids", "Fentanyl",
    "Heroin", "National", "Federal", "International", "American", "Americans", "Mexican",
    "Chinese", "Canadian", "Western", "Eastern", "Northern", "Southern", "North", "South",
    "East", "West", "New", "United", "Central", "Capitol", "Valley", "City", "Town", "Centre",
    "Forces",
    "Agents", "Officers", "Officials", "Analysts", "Vital", "Signs", "Alert", "Day", "Week",
    "Month", "Year", "Region", "Regional", "Administration’s", "Twitter",
    "Facebook", "Instagram", "Snapchat", "TikTok", "Internet", "Darknet", "Web",
    "Cartel", "Cartels", "Pharma", "Pharmaceuticals", "Pharmacy", "Therapeutics",
    "Platforms", "Labs", "Technologies", "Partners", "Holdings", "Bank", "Airlines",
    "Medicine", "Sciences", "Statistics", "Survey", "Study", "Data", "Inc", "LLC", "Corp",
})
# Places that often stand right before a name ("District of Arizona Gary Restaino").
# States that are also given names or surnames (Georgia, Virginia, Washington) are left out.
PLACE_WORDS: frozenset[str] = frozenset({
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Wisconsin", "Wyoming", "Dakota",
    "Carolina", "Jersey", "Hampshire", "Mexico", "China", "Canada", "America", "Columbia",
    "Puerto", "Rico", "Sinaloa", "Jalisco", "Beijing", "Wuhan", "Detroit", "Seattle",
    "Pittsburgh", "Chicago", "Boston", "Philadelphia", "Phoenix", "Atlanta", "Miami",
})
# Capitalised words that start sentences or headlines and never begin a name.
FUNCTION_WORDS: frozenset[str] = frozenset({
    "The", "A", "An", "And", "But", "Or", "Nor", "In", "On", "At", "By", "For", "From", "To",
    "Of", "With", "As", "After", "Before", "During", "Since", "Until", "While", "When", "If",
    "Although", "Though", "According", "Today", "Yesterday", "Tomorrow", "This", "That",
    "These", "Those", "It", "He", "She", "They", "We", "You", "His", "Her", "Their", "Our",
    "My", "Its", "There", "Here", "Meanwhile", "However", "Also", "Earlier", "Later", "Last",
    "Next", "Every", "Each", "Among", "Under", "Over", "Despite", "Even", "Only", "Still",
    "Then", "Thus", "Additionally", "Furthermore", "Moreover", "Now", "So", "Why", "What",
    "Who", "How", "Where", "Such", "Some", "Many", "Most", "All", "Both", "Other", "Another",
    "Several", "Few", "More", "Less", "No", "Not", "Yes", "Please", "Read", "See", "Click",
    "Sign", "Join", "Follow", "Share", "Print", "Subscribe", "Related", "Photo", "Image",
    "Video", "Watch", "Listen", "Update", "Updated", "Breaking", "Exclusive", "Opinion",
    "Analysis", "Editor", "Note", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Says", "Said", "Announces",
    "Announced", "Warns", "Warned", "Issues", "Issued", "Releases", "Released", "Refuses",
    "Calls", "Urges", "Tells", "Told", "Adds", "Claims", "Testifies", "Discuss", "Discusses",
    "Will", "Would", "Should", "Could", "Can", "Must", "Has", "Have", "Had", "Is",
    "Are", "Was", "Were", "Be", "Been", "Do", "Does", "Did", "Get", "Gets", "Make", "Makes",
    "Take", "Takes", "Seize", "Seizes", "Seized", "Nets", "Fight", "Fights", "Combat",
    "Combating", "Rates", "Deaths", "Overdose", "Overdoses", "Statement", "Release",
    "Briefing", "Media", "Press", "Advisory", "Secretary’s",
})
SUFFIXES: frozenset[str] = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
PRONOUNS: dict[str, Gender] = {
    "he": "male", "him": "male", "his": "male", "she": "female", "her": "female",
}
# Heads of unnamed descriptions ("the official", "DEA chief") that can refer to a person.
DESCRIPTION_HEADS: frozenset[str] = frozenset({
    "attorney general", "surgeon general", "official", "administrator", "director",
    "secretary", "commissioner", "chief", "head", "sheriff", "prosecutor", "spokesman",
    "spokeswoman", "spokesperson", "president", "senator", "governor", "mayor", "coroner",
    "czar", "commander", "chairman", "chairwoman", "attorney", "lawmaker", "congressman",
    "congresswoman", "doctor", "minister",
})
# Heads that fit any person whose role is not known to differ.
GENERIC_HEADS: frozenset[str] = frozenset({"official"})
# Generic organisation anaphors, resolved to the last organisation named.
ORG_ANAPHORS: frozenset[str] = frozenset({"the agency", "the department", "the bureau", "the office"})
REPORTING_VERBS: frozenset[str] = frozenset({
    "said", "says", "told", "tells", "warned", "warns", "added", "adds", "announced",
    "announces", "stated", "states", "explained", "explains", "noted", "notes", "urged",
    "urges", "emphasized", "emphasizes", "emphasised", "emphasises", "claimed", "claims",
    "testified", "testifies", "stressed", "stresses", "argued", "argues", "acknowledged",
    "acknowledges", "cautioned", "cautions", "asserted", "asserts", "insisted", "insists",
    "predicted", "predicts", "wrote", "writes", "confirmed", "confirms", "revealed",
    "reveals", "pointed out", "points out", "highlighted", "highlights", "underscored",
    "underscores", "vowed", "vows", "pledged", "pledges", "reiterated", "reiterates",
    "remarked", "recalled", "replied", "admitted", "admits", "conceded", "concedes",
    "contended", "contends", "observed", "reported", "reports", "suggested", "suggests",
    "continued", "asked", "tweeted", "estimated", "reaffirmed", "responded",
    "was quoted as saying", "were quoted as saying", "has been quoted as saying",
    "is quoted as saying",
})
# Verbs that may stand before their speaker ("said Dr. Rahul Gupta").
INVERTED_VERBS: frozenset[str] = frozenset({
    "said", "says", "added", "adds", "stated", "explained", "noted", "warned", "wrote",
    "continued", "asked", "according to", "remarked", "observed", "recalled", "replied",
})


# Possessors in a description ("the nation's top drug official", "the agency's administrator").
DESCRIPTION_POSSESSORS: frozenset[str] = frozenset({
    "nation", "country", "agency", "department", "bureau", "administration", "state", "county",
    "city", "office", "government", "Agency", "Department", "America",
})
# Lower-case words that may stand between "the" and a description's head.
DESCRIPTION_MODIFIERS: frozenset[str] = frozenset({
    "acting", "former", "deputy", "top", "senior", "chief", "assistant", "then", "interim",
    "federal", "national", "U.S.", "US", "drug", "enforcement", "health", "public", "law",
    "border", "narcotics", "anti-drug", "government", "state", "county", "city", "new",
    "agency", "administration", "general",
})
# Words of a description that say nothing about which office is meant ("the nation's top");
# compared after dropping a possessive "'s".
DESCRIPTION_STOPWORDS: frozenset[str] = frozenset({
    "the", "of", "for", "at", "on", "and", "nation", "country", "america", "top", "senior",
    "then", "former", "new", "u.s.", "us", "united", "states", "federal", "national",
    "government", "agency", "department", "bureau", "office", "administration", "chief",
    "head", "official", "public", "law", "interim", "state", "county", "city",
})
# Possessives naming a whole government ("the Trump administration's"): the words before them
# are not the office's words.
GOVERNMENT_POSSESSIVES: frozenset[str] = frozenset({
    "administration's", "administration’s", "government's", "government’s",
})
# A description head fits a person whose role contains one of these words.
HEAD_SYNONYMS: dict[str, frozenset[str]] = {
    "chief": frozenset({"chief", "head", "administrator", "director", "commissioner", "secretary"}),
    "head": frozenset({"chief", "head", "administrator", "director", "commissioner", "secretary"}),
    "prosecutor": frozenset({"prosecutor", "attorney"}),
    "czar": frozenset({"czar", "director"}),
    "doctor": frozenset({"doctor", "dr.", "physician", "surgeon"}),
    "lawmaker": frozenset({"senator", "representative", "congressman", "congresswoman", "lawmaker"}),
}
# fmt: on
