"""Hand-written sentence banks for the identity, hate, harassment and profanity functionalities.

Slots (filled by :mod:`training.hardcases.generator`): ``{pl}`` group plural ("refugees"),
``{a_member}``/``{member}`` one person of the group, ``{pred}`` a dehumanising predicate,
``{slur}``/``{slurs}``/``{a_slur}`` a slur of the same group, ``{insult}``/``{insults}``/
``{a_insult}`` a non-identity insult, ``{name}`` a first name, ``{quote}`` a hateful sentence.
A template may be restricted to some target groups with ``(text, groups)``.

Written for Haven's training data only, independently of the evaluation suites in
``eval/suites/`` (the leakage test in ``tests/training`` enforces that they stay apart).
"""

from __future__ import annotations

Template = str | tuple[str, frozenset[str]]

RACE_NATIONAL = frozenset({"race_ethnicity", "national_origin", "religion"})

#: Dehumanising predicates that read naturally after "X are", "X are not" and "that X are".
HATE_PREDICATES: tuple[str, ...] = (
    "vermin", "a plague on this country", "less than human", "all criminals",
    "too stupid to be trusted with a vote", "a disease", "parasites living off our taxes",
    "animals", "born liars", "filthy", "a danger to our children", "genetically inferior",
    "mentally defective", "a burden on society", "freaks of nature", "predators",
    "worthless", "subhuman trash", "incapable of honest work", "a cancer on our town",
)

HATE_GROUP_ATTACK: tuple[Template, ...] = (
    "{pl} are {pred}.",
    "Honestly {pl} are {pred} and everyone knows it.",
    "All {pl} are {pred}, no exceptions.",
    "I would never hire {a_member}. They're {pred}, the lot of them.",
    "We need to get rid of {pl} once and for all.",
    "{pl} don't deserve the same rights as normal people.",
    "Keep {pl} away from our schools, they're {pred}.",
    "There is nothing lower than {a_member}.",
    "I hate {pl}. Every single one of them.",
    "The world would be a cleaner place without {pl}.",
    "Don't let {pl} move onto your street, they're {pred}.",
    "You can't trust {pl}. They're {pred}.",
    "Why do we even tolerate {pl}? They're {pred}.",
    "{pl} breed like rats and it's ruining this place.",
    "It's disgusting that {pl} are allowed to walk around in public.",
    "Round up the {pl} and ship them somewhere far away.",
    "{pl} should not be allowed anywhere near kids.",
    "Every problem in this city started when the {pl} showed up.",
    ("{pl} should all be sent back to where they crawled out of.", RACE_NATIONAL),
    ("Ban {pl} from entering the country, full stop.", RACE_NATIONAL),
)

#: Hate written with a slur, aimed at the group (not at the person addressed).
HATE_SLUR: tuple[Template, ...] = (
    "Too many {slurs} in this town now.",
    "Another {slur} moved onto our street, there goes the neighbourhood.",
    "{slurs} are {pred}.",
    "Never trust {a_slur}.",
    "Can't stand {slurs}, they ruin everything they touch.",
    "Keep the {slurs} out of our schools.",
    "Look at that {slur} pretending to be a real person.",
    "Typical {slur} behaviour, what did you expect.",
    "One more {slur} on my feed and I'm deleting this app.",
    "My landlord is renting to {slurs} now. Disgusting.",
    "Get these {slurs} out of our country.",
    "Nothing worse than a bus full of {slurs}.",
    "The {slurs} are taking over and nobody does anything.",
    "{slurs} should know their place.",
)

#: Identity attacks addressed to a person: hate and harassment at once.
HATE_DIRECTED: tuple[Template, ...] = (
    "Shut up, you filthy {slur}.",
    "Nobody asked you, {slur}.",
    ("Go back to your own country, {slur}.", RACE_NATIONAL),
    "You're just {a_slur}, your opinion doesn't count here.",
    "Get off this forum, {slur}. Nobody wants your kind here.",
    "Of course you'd say that, you're {a_member}. {pl} are {pred}.",
    "Log off and go cry, {slur}.",
    "I hope someone teaches you a lesson, {slur}.",
    "You people are {pred}, and you're the worst of them.",
    "Stop posting, {slur}. You're {pred} like the rest of your kind.",
    "Hey {slur}, nobody will ever hire {a_member} like you.",
)

#: Reporting frames around a slur someone used against the author. ``(frame, distress)``.
REPORTED_SLUR: tuple[tuple[str, int], ...] = (
    ("He called me {a_slur} in front of the whole class.", 0),
    ("A guy at the bus stop yelled '{slur}' at me this morning.", 0),
    ("Woke up to '{slur}' sprayed across our front door.", 0),
    ("My coworker keeps calling me {a_slur} and says it's just banter.", 0),
    ("I've been called {a_slur} so many times I've lost count, and it still stings.", 1),
    ("Got called {a_slur} by some random kid in a game lobby. Muted him and moved on.", 0),
    ("The first time anyone called me {a_slur} I was nine years old.", 0),
    ("My stepdad used to call me {a_slur} whenever he'd been drinking.", 0),
    ("Someone whispered '{slur}' as I walked past today and I just froze. I feel sick.", 1),
    ("Kids on our estate shout '{slur}' at my little brother every day.", 0),
    ("I got a DM that was just the word '{slur}' over and over.", 0),
    ("My ex's family called me {a_slur} behind my back for years.", 0),
    ("A customer called me {a_slur} at work today and my manager laughed.", 0),
    ("Some drunk guy called me {a_slur} outside the pub and I cried the whole way home.", 1),
    ("In year 8 my nickname was '{slur}'. I'm 34 now and I still remember every time.", 1),
    ("My neighbour left a note on my door that said '{slur}'. I've called the police.", 0),
)

#: Reporting frames around a whole hateful sentence. ``(frame, distress)``.
REPORTED_HATE: tuple[tuple[str, int], ...] = (
    ("Someone commented '{quote}' under my post and I haven't been able to sleep.", 1),
    ("A man on the train told me '{quote}' and everyone just looked away.", 0),
    ("I got a message today that said '{quote}'. Should I report it?", 0),
    ("My manager said '{quote}' in a team meeting and I'm the only {member} there.", 0),
    ("Graffiti on our community centre this morning: '{quote}'", 0),
    ("They were chanting '{quote}' outside the building during our event.", 0),
    ("I was told '{quote}' at my own cousin's wedding. I'm still shaking.", 1),
    ("Screenshot of what someone sent me last night: '{quote}'. Blocked and reported.", 0),
    ("My daughter came home crying because a classmate told her '{quote}'", 1),
    ("Why do people think it's fine to post '{quote}' under a news article about us?", 0),
    ("An anonymous email to our community group said '{quote}'. We've passed it to the police.", 0),
    ("My grandad genuinely believes '{quote}' and I don't know how to talk to him anymore.", 1),
)

COUNTER_SPEECH: tuple[str, ...] = (
    "People who say {pl} are {pred} are just wrong.",
    "Saying {pl} are {pred} is bigotry, plain and simple.",
    "Anyone who claims {pl} are {pred} should take a long look at themselves.",
    "Calling {pl} {pred} isn't 'just an opinion', it's hate.",
    "I keep seeing posts saying {pl} are {pred}. That's dehumanising and it has to stop.",
    "The idea that {pl} are {pred} has been used to justify violence for centuries.",
    "If your whole argument is that {pl} are {pred}, you don't have an argument.",
    "Reminder: '{pl} are {pred}' is a hateful lie. Report it when you see it.",
    "Stop spreading the myth that {pl} are {pred}.",
    "My uncle said at dinner that {pl} are {pred}, and I told him that's bigoted nonsense.",
    "Teaching kids that {pl} are {pred} is how hate gets passed down.",
    "Heard a radio host say {pl} are {pred}. That should not be allowed on air.",
    "Posts claiming {pl} are {pred} get removed here, and that's the right call.",
)

COUNTER_SPEECH_SLUR: tuple[str, ...] = (
    "Using '{slur}' as a punchline is not okay, even among friends.",
    "Please stop saying '{slur}'. It's a slur, not a joke.",
    "The word '{slur}' was used to dehumanise people like my grandparents. It doesn't belong here.",
    "Mod note: typing '{slur}' in chat gets you banned, no warnings.",
    "Nobody deserves to be called {a_slur}.",
    "Calling someone {a_slur} says everything about you and nothing about them.",
    "I can't believe people still throw around '{slur}' like it's nothing.",
    "Teachers need to step in when kids call each other '{slur}'.",
    "Why are usernames with '{slur}' in them still allowed on this site? Please fix it.",
    "That '{slur}' comment under the video got hundreds of likes, which honestly scares me.",
    "If your friend calls people '{slur}', say something. Silence is how it spreads.",
    "'{slur}' is a slur. Not edgy, not funny, just a slur.",
)

NEGATED_HATE: tuple[str, ...] = (
    "I don't think {pl} are {pred}.",
    "It's not true that {pl} are {pred}.",
    "{pl} are not {pred}.",
    "Nobody should believe that {pl} are {pred}.",
    "No, {pl} are not {pred}, and I won't pretend otherwise.",
    "I refuse to accept that {pl} are {pred}.",
    "There's no evidence at all that {pl} are {pred}.",
    "{pl} aren't {pred}. They're people like anyone else.",
    "I have never believed {pl} are {pred}.",
    "It is simply false that {pl} are {pred}.",
    "Contrary to what some people claim, {pl} are not {pred}.",
    "I don't hate {pl}, why would I?",
    "I'll never agree that {pl} should be kept out of anything.",
    "Not a single {member} I've met has been {pred}.",
)

IDENTITY_NEUTRAL: tuple[str, ...] = (
    "My neighbour is {a_member} and makes the best soup on the street.",
    "Is there a support group for {pl} anywhere near Bristol?",
    "I'm writing a school project about the history of {pl} in our region.",
    "How many {pl} live in Canada, roughly?",
    "The documentary about {pl} is on channel four on Sunday night.",
    "We hired {a_member} as our new accountant last month.",
    "There's a new café run by {pl} near the station.",
    "The library runs a reading group for {pl} on Tuesdays.",
    "Met {a_member} at the climbing gym today, we chatted for an hour.",
    "The census says the number of {pl} in the city has grown.",
    "Any {pl} here who want to share how their job interviews went?",
    "My best friend is {a_member}.",
    "Our new flatmate is {a_member} from up north.",
    "I'm {a_member} and new to this forum. Hi all.",
    "The podcast this week interviews three {pl} about housing.",
    "My doctor is {a_member} and very thorough.",
)

IDENTITY_POSITIVE: tuple[str, ...] = (
    "{pl} have made this country better in so many ways.",
    "Shout out to all the {pl} in this community, you're wonderful.",
    "I love working with {pl}, my team is the best I've had.",
    "{pl} deserve respect, safety and joy.",
    "So proud to be {a_member}!",
    "The {member} who runs our book club is the kindest person I know.",
    "Happy to see more {pl} on TV these days.",
    "Being {a_member} is part of who I am and I wouldn't change it.",
    "Grateful for the {pl} who welcomed me when I moved here.",
    "{pl} are strong, funny and resilient.",
    "{pl} are welcome here. Always.",
    "Every {member} I've worked with has been brilliant at the job.",
    "Celebrating the {pl} in my life today. Love you all.",
)

IDENTITY_QUESTION: tuple[str, ...] = (
    "As {a_member}, how do you deal with people staring in public?",
    "Do {pl} face more discrimination at work than others? Looking for studies.",
    "Why are {pl} so underrepresented in science, do you think?",
    "What's the best way to support {pl} in my workplace?",
    "Is it okay to say '{member}', or is there a better term people prefer?",
    "I think {pl} should have a bigger voice in local politics.",
    "In my opinion the media portrays {pl} unfairly.",
    "Are {pl} more likely to be stopped by police? Honest question.",
    "How do I explain to my son what it means to be {a_member}?",
    "Unpopular opinion: {pl} are not a monolith and we should stop treating them like one.",
    "Does anyone know how {pl} were treated here in the 1950s?",
    "Which charities actually help {pl}? I want to donate this year.",
    "I'm {a_member} and I think this policy will hurt us. Thoughts?",
)

#: In-group reclaimed use, per reclaimed word (see ``slurs.RECLAIMED``).
RECLAIMED: dict[str, tuple[str, ...]] = {
    "queer": (
        "I'm queer and proud of it, happy pride everyone!",
        "Our little queer book club meets on Thursdays, newcomers welcome.",
        "Growing up queer in a small town was rough, this forum kept me going.",
        "Queer joy is resistance.",
        "Finally said 'I'm queer' out loud to my mum today.",
    ),
    "dyke": (
        "Dyke march this weekend, who's coming with us?",
        "Me and my girlfriend are the most stereotypical dykes ever. Three cats and a drill.",
        "Proud dyke, no apologies.",
        "The old dykes at my local bar basically adopted me.",
        "Dyke fashion tip: you can never own too much flannel.",
    ),
    "fag": (
        "We're a bunch of old fags who play bridge on Sundays and gossip.",
        "Me and the other fags from choir went for drinks after rehearsal.",
        "Just a fag and his cat, living our best life.",
        "My gay best friend calls us 'the fag squad' and honestly it fits.",
    ),
    "crip": (
        "Crip time means I'll answer your email in three to five business days.",
        "The crip meetup yesterday was the best afternoon I've had in months.",
        "Disabled and proud. Crip community is the best community.",
        "Crip solidarity: if the venue has no ramp, none of us are going.",
    ),
    "nigga": (
        "Me and my niggas at the cookout like every summer.",
        "My nigga just graduated, so proud of him.",
        "That's my nigga right there, known him since first grade.",
        "Me and my niggas finally got the group chat back together.",
    ),
    "bitch": (
        "Me and my bitches are going out tonight, wish us luck.",
        "Bad bitch energy only this year.",
        "My girls are the best bitches in the world and I'd die for them.",
    ),
}
RECLAIMED_GROUPS: dict[str, str] = {
    "queer": "sexual_orientation_gender_identity", "dyke": "sexual_orientation_gender_identity",
    "fag": "sexual_orientation_gender_identity", "crip": "disability",
    "nigga": "race_ethnicity", "bitch": "gender",
}

FIRST_NAMES: tuple[str, ...] = (
    "Jake", "Priya", "Tom", "Mel", "Dani", "Connor", "Sofia", "Marcus", "Lena", "Owen",
    "Ruth", "Kai", "Bea", "Femi", "Nico",
)

#: Insults with no identity content: ``(singular, plural)``.
INSULTS: tuple[tuple[str, str], ...] = (
    ("idiot", "idiots"), ("moron", "morons"), ("loser", "losers"), ("clown", "clowns"),
    ("dumbass", "dumbasses"), ("creep", "creeps"), ("failure", "failures"),
    ("troll", "trolls"), ("imbecile", "imbeciles"), ("halfwit", "halfwits"),
    ("jerk", "jerks"), ("waste of space", "wastes of space"), ("asshole", "assholes"),
    ("nobody", "nobodies"), ("parasite", "parasites"),
)

HARASSMENT_DIRECT: tuple[str, ...] = (
    "{name}, you are {a_insult} and everyone here knows it.",
    "You're such {a_insult}, just stop posting.",
    "Nobody likes you, {name}. Log off.",
    "Hey {insult}, did you even read the thread?",
    "Shut up {name}, you absolute {insult}.",
    "Keep replying to me, {name}, and I'll make your life hell.",
    "I'm going to find out where you work and tell everyone what {a_insult} you are.",
    "You're genuinely the stupidest person I've talked to this year, {name}.",
    "Everyone in this server thinks you're {a_insult}, {name}.",
    "Congrats {name}, you're officially the biggest {insult} on the internet.",
    "I hope you fail your exam, you smug {insult}.",
    "Imagine being as useless as you, {name}.",
    "Your drawings are trash and so are you, {name}.",
    "Watch your back, {name}. I've got screenshots and friends.",
    "Go away {insult}, no one here wants to hear from you.",
)

REPORTED_INSULT: tuple[tuple[str, int], ...] = (
    ("My boss called me a useless {insult} in front of clients today.", 0),
    ("Someone in the comments called me {a_insult} and it's been stuck in my head all day.", 1),
    ("My brother always calls me {a_insult} when our parents aren't around.", 0),
    ("A stranger called me {a_insult} for taking too long at the cash machine, lol.", 0),
    ("My teacher called me {a_insult} in front of everyone and I wanted to disappear.", 1),
    ("He said I was {a_insult} and I believed him for years.", 1),
    ("I got a reply that just said 'you {insult}'. Should I report it or ignore it?", 0),
)

NONPROTECTED_GROUP_INSULT: tuple[str, ...] = (
    "People who don't use their indicators are {insults}.",
    "Crypto bros are the most annoying {insults} on earth.",
    "Anyone who reclines their seat on a short flight is {a_insult}.",
    "People who talk in cinemas are {insults}, every single one.",
    "Landlords who don't fix the heating are {insults}.",
    "Whoever designed this app's settings menu is {a_insult}.",
    "Spammers in this forum are {insults}, honestly.",
    "Fans of the other team are {insults}, as always.",
    "People who leave shopping trolleys in the car park are {insults}.",
    "Drivers who park across two spaces are {insults}.",
)

PROFANITY_BENIGN: tuple[str, ...] = (
    "Fuck, I burned the toast again.",
    "This stupid printer jammed again, what a pile of shit.",
    "Holy shit, I passed my driving test!!",
    "That concert was fucking incredible.",
    "Ugh, shit, forgot my umbrella at home.",
    "Fucking finally, the bus is here.",
    "Well that was a shitty day at work.",
    "Oh fuck yes, the package arrived early.",
    "This weather is absolute bullshit.",
    "Shit shit shit, I'm going to miss my train.",
    "My laptop died mid-essay, fuck my life.",
    "Best fucking pizza I've had all year.",
    "What the fuck, the shop closed an hour early.",
    "Crap, I left the oven on.",
    "This hill is a pain in the ass to cycle up.",
    "Damn, this coffee is strong as hell.",
)

SELF_DEPRECATION: tuple[str, ...] = (
    "I'm such an idiot, I put salt in my coffee this morning.",
    "Classic me, locked myself out again. Absolute clown behaviour.",
    "I'm the worst cook alive, I managed to burn pasta.",
    "Forgot my own mum's birthday. I'm a disaster of a son.",
    "Me trying to assemble flat-pack furniture: a complete moron at work.",
    "Wore my shirt inside out all day. Nobody told me. I'm a mess.",
    "I'm so bad at maths it's embarrassing, took me ten minutes to split the bill.",
    "Dropped my phone in the sink again, I'm a walking accident.",
    "I'm hopeless with directions, got lost in my own neighbourhood.",
    "Sent the email without the attachment. Twice. Genius over here.",
)

#: Supportive replies to someone reporting abuse (contrast for reply_insult_victim).
SUPPORT_VICTIM: tuple[str, ...] = (
    "I'm so sorry that happened to you. You didn't deserve any of it.",
    "That's awful. Did you manage to report it?",
    "Sending you strength. Nobody should have to put up with that.",
    "Being called that at work is harassment. Please talk to HR or a union rep.",
    "You're not alone in this, a lot of us have been through similar. We've got you.",
    "Whoever said that to you was wrong about you. Take care of yourself tonight.",
    "Thank you for sharing this, it takes courage. Is there anyone with you right now?",
    "Nobody deserves to be called {a_slur}. I'm really sorry.",
)

INSULT_VICTIM: tuple[str, ...] = (
    "Nobody cares, stop whining.",
    "Maybe if you weren't such {a_insult} people would be nicer to you.",
    "lol you probably deserved it.",
    "Cry more, {insult}.",
    "Another sob story from the resident attention seeker.",
    "You post this every week, get a life you pathetic {insult}.",
    "Honestly you sound exhausting, I'd have said worse.",
    "Imagine crying on the internet about this. Grow up, {insult}.",
    "Nobody believes you. You make everything up for attention.",
    "Sounds like they were right about you, {insult}.",
)

COUNTER_REPLY: tuple[str, ...] = (
    "'{quote}'? No. They're our neighbours and friends.",
    "You wrote '{quote}' as if it were a fact. It's just bigotry.",
    "Reported. '{quote}' has no place on this forum.",
    "Imagine typing '{quote}' and thinking you're the reasonable one.",
    "> {quote}\nThis is hate, and you should be ashamed of posting it.",
    "Saying '{quote}' doesn't make you brave, it makes you cruel.",
    "People like my family are not what you describe. '{quote}' is a lie.",
    "Mods, please remove this. '{quote}' is textbook hate speech.",
)

ENDORSE_REPLY: tuple[str, ...] = (
    "Exactly. {pl} are {pred}.",
    "Finally someone says it. Get the {pl} out.",
    "100% agree, {pl} have ruined this place.",
    "This. '{quote}' should be on a billboard.",
    "Couldn't have said it better. {pl} are {pred}.",
    "Facts. I'd never let {a_member} near my kids.",
)
