"""Hand-written sentence banks for the crisis (self_harm) and distress functionalities.

Labels follow the taxonomy: ``self_harm`` is about the AUTHOR (ideation, plan, preparation,
self-injury, attempt, now). Talking about someone else's risk, about suicide as a topic, about a
past attempt one has recovered from, or using death as a figure of speech is not ``self_harm``;
sadness without risk is ``distress``. Banks that mix distress levels are ``(text, distress)``.

Written for Haven's training data only, independently of ``eval/suites/crisis.csv``.
"""

from __future__ import annotations

EXPLICIT: tuple[str, ...] = (
    "I'm going to kill myself this time, for real.",
    "I want to die. I mean it this time.",
    "I've made up my mind to end my life.",
    "I keep thinking about suicide and I don't think I can hold on much longer.",
    "I don't want to live anymore.",
    "Tonight is the night I take my own life.",
    "Every single day I think about killing myself.",
    "I'm ready to die.",
    "Suicide is the only thing that makes sense to me right now.",
    "I want to end it all.",
    "I'm done. I'm killing myself this weekend.",
    "I'm seriously considering suicide.",
    "Honestly all I want is to be dead.",
    "I'm going to end things and I'm not scared of it anymore.",
    "I want to kill myself and there's nobody else I can tell.",
    "I've been suicidal for weeks and it keeps getting worse.",
    "I think I'm going to do it tonight. I can't keep going.",
    "I want to stop being alive.",
)

PASSIVE: tuple[str, ...] = (
    "I wish I could fall asleep and never wake up.",
    "Sometimes I hope a car hits me so it's all over.",
    "My friends and family would honestly do better without me around.",
    "I wouldn't mind if I just stopped existing.",
    "What's even the point of being alive.",
    "I keep wishing I had never been born.",
    "If I died tomorrow I think I'd be relieved.",
    "I'm so tired of existing.",
    "I don't see myself being around much longer, and I'm okay with that.",
    "It would be easier for everyone if I disappeared for good.",
    "I pray every night that I won't wake up in the morning.",
    "My family would be happier if I was gone.",
    "I'm just waiting for something to kill me.",
    "Staying alive feels like a job I can't do anymore.",
    "On every flight part of me wishes it would crash.",
    "Dying isn't the goal, I'd just like to stop existing.",
)

PLAN: tuple[str, ...] = (
    "I've been saving up my pills and I think I finally have enough.",
    "I know which bridge I'm going to use.",
    "I've picked a date. It's the 14th.",
    "I've counted my tablets and I know it's enough to do it.",
    "The rope is in my wardrobe.",
    "Tonight after everyone's asleep I'm going to take all of them.",
    "I've worked out how to do it so nobody finds me in time.",
    "On Sunday I'm driving to the cliffs and I'm not coming back.",
    "I bought a gun last week. I know what it's for.",
    "I've been researching the most painless way to go.",
    "Once my exams are over I'm going to do it.",
    "The bottle of pills is on my desk right now.",
    "I've planned it for after my sister's birthday so I don't ruin it.",
    "I've got the blades ready for tonight.",
)

PREPARATION: tuple[str, ...] = (
    "I've written letters to my mum and my sister. They'll find them after.",
    "Gave my cat to my neighbour and told her I'm moving away. I'm not.",
    "Giving away all my things this week. I won't need them.",
    "Deleted my photos and cancelled my subscriptions. Just tying up loose ends before I go.",
    "I updated my will and wrote down all my passwords for my brother, for when I'm gone.",
    "Said goodbye to my best friend today without her knowing it was goodbye.",
    "Paid off what I owed so nobody's left with my debts when I'm dead.",
    "Left instructions for who should take the dog after I'm gone.",
    "Sorting out my stuff so nobody has to deal with it after I kill myself.",
    "This is my last post here. Thank you all for everything, goodbye.",
    "I've put my notes in an envelope on the kitchen table for whoever finds me.",
    "Wrote my goodbye messages and scheduled them to send tomorrow morning.",
)

SELF_INJURY: tuple[str, ...] = (
    "Last night I cut my arm again.",
    "I relapsed and burned my arm with a lighter.",
    "I've been hitting myself until I bruise.",
    "I cut deeper than usual this time.",
    "Three months clean and I just relapsed. I cut again.",
    "I scratch my skin until it bleeds whenever I panic.",
    "I keep hurting myself and hiding it with long sleeves.",
    "Cutting is the only thing that makes the noise in my head stop.",
    "I punched the wall until my knuckles split, on purpose.",
    "I starve myself as punishment when I mess up.",
    "I took a razor to my thighs again tonight.",
    "Been burning myself with hot spoons, nobody knows.",
)

#: Evasive verb phrases ("I want to ___") and nouns ("thinking about ___").
EVASIVE_VERBS: tuple[str, ...] = (
    "unalive myself", "kms", "k*ll myself", "kill mys3lf", "self-delete", "off myself",
    "end myself", "kil myself", "unalive", "k1ll my self",
)
EVASIVE_NOUNS: tuple[str, ...] = (
    "sewer slide", "s-u-i-c-i-d-e", "su1cide", "suic*de", "unaliving myself", "toaster bath",
    "s.u.i.c.i.d.e", "the big sleep", "sewerslide", "suicid3",
)
EVASIVE_TEMPLATES: tuple[str, ...] = (
    "might actually {verb} tonight",
    "ngl i might {verb} this weekend",
    "ready to {verb} fr",
    "if this keeps up im gonna {verb}",
    "i just wanna {verb} and be done",
    "{noun} on my mind all night again",
    "{noun} is looking real tempting rn",
    "the {noun} plan is back on tbh",
    "can't stop thinking about {noun}",
    "gonna {verb} after school tomorrow",
    "{verb} {verb} {verb} i cant do this anymore",
    "lowkey been planning {noun} for a while now",
)

#: Everyday sentences for long posts: a crisis or vent sentence goes at the END.
BENIGN_FILLER: tuple[str, ...] = (
    "Work was fine today, nothing special.",
    "I finally fixed the dripping tap in the bathroom.",
    "My sister came round with her new puppy.",
    "We had pasta for dinner again.",
    "The bus was late so I walked most of the way.",
    "I watched two episodes of that baking show.",
    "It rained all afternoon.",
    "My manager wants the report by Friday.",
    "I called my gran and she told me about her garden.",
    "Cleaned the flat and did three loads of laundry.",
    "The new neighbours seem nice enough.",
    "I started reading a fantasy novel a friend lent me.",
    "Went to the shop for milk and forgot the milk.",
    "My phone screen cracked last week and I still haven't fixed it.",
    "Class got cancelled so I had a long lunch.",
    "The cat knocked a plant off the windowsill.",
    "I tried a new route for my run this morning.",
    "My brother is visiting next month.",
)

#: More everyday sentences, only for the optional window-long posts (``*very_long_post*``): 18
#: sentences cannot fill 14-20 per post without repeating the same set. A separate bank, so the
#: default set (and the shipped model's training data) stays what it was.
MORE_FILLER: tuple[str, ...] = (
    "The washing machine has started making a strange knocking noise.",
    "I spent the morning sorting out old photos from university.",
    "Our team finally shipped the project we have been working on since spring.",
    "My flatmate tried to bake bread and the kitchen still smells of smoke.",
    "I signed up for a pottery class on Thursday evenings.",
    "The dentist said my teeth are fine, which was a relief.",
    "We walked along the canal and counted the ducks.",
    "I ordered a second-hand bike online and it arrived with a flat tyre.",
    "My aunt sent a parcel with socks and a jar of her chutney.",
    "The library had the book I wanted, so I borrowed it straight away.",
    "I helped my neighbour carry a sofa up three flights of stairs.",
    "Traffic on the ring road was awful again this evening.",
    "I repotted the tomato plants on the balcony.",
    "My cousin's wedding is in June and I still need a suit.",
    "We played board games until nearly midnight.",
    "I finished the crossword in the paper for the first time.",
    "The heating broke, so I wore two jumpers all day.",
    "A friend from school messaged me out of the blue.",
    "I made a big pot of soup to last the week.",
    "The football match on Saturday ended in a draw.",
    "I rearranged my desk so it faces the window now.",
    "My dad is learning to use video calls and keeps freezing the picture.",
    "The supermarket moved everything around and I got lost in the aisles.",
    "I took the long way home to listen to the end of a podcast.",
)

VENT_ENDINGS: tuple[str, ...] = (
    "I just feel so alone lately.",
    "I don't know why but I've been crying every night.",
    "Everything feels grey and heavy and I can't explain it.",
    "I'm exhausted all the time and nothing helps.",
    "Nobody really knows how sad I am.",
    "I feel like I'm failing at everything.",
)

#: ``(text, distress)``: self_harm is 0 for all of these.
IDIOMS: tuple[tuple[str, int], ...] = (
    ("This commute is killing me.", 1),
    ("I'm dying to see the new season.", 0),
    ("I literally died laughing at that video.", 0),
    ("These new boots are killing my feet.", 0),
    ("This humidity will be the death of me, I swear.", 0),
    ("I'd rather die than wear those shoes to a wedding.", 0),
    ("We absolutely killed it at the gig tonight.", 0),
    ("My phone died in the middle of the call.", 0),
    ("I nearly died of embarrassment when I tripped on stage.", 0),
    ("This spreadsheet is slowly killing me inside.", 1),
    ("Dead tired after the night shift, off to bed.", 0),
    ("You're killing me with these puns.", 0),
    ("Over my dead body will he get the last slice.", 0),
    ("I'm dead 😂😂", 0),
    ("Finals week is murdering me.", 1),
    ("The suspense is killing me, just tell me!", 0),
    ("Killing time at the airport, anyone want to chat?", 0),
    ("My battery's dead and so am I after that hike.", 0),
    ("Kill me now, my in-laws are staying for two weeks.", 0),
    ("This revision timetable is going to be the end of me.", 1),
    ("I could murder a curry right now.", 0),
    ("That joke slayed me.", 0),
)

ACCIDENTAL_INJURY: tuple[str, ...] = (
    "I cut my finger slicing onions, so much blood lol.",
    "Grabbed a hot baking tray without gloves, my palm is blistered.",
    "Opened a tin of beans and sliced my thumb, three stitches.",
    "Fell off my bike and scraped my whole arm.",
    "Cut myself shaving this morning, ouch.",
    "Stubbed my toe so hard I think it's broken.",
    "Got a nasty burn from the kettle steam.",
    "Sprained my ankle at football, out for two weeks.",
    "Caught my hand in the car door. It's purple now.",
    "Paper cut from hell, how does something so small hurt so much.",
    "Bit my tongue eating a sandwich, classic.",
    "Walked into a glass door at the office. My pride hurts more than my nose.",
)

#: ``(text, distress)``: worry about someone else is not the author's self_harm.
THIRD_PARTY: tuple[tuple[str, int], ...] = (
    ("My best friend told me she wants to kill herself. How do I help her?", 1),
    ("My brother has been giving away his stuff and I'm scared he's planning something.", 1),
    ("My girlfriend self-harms and I don't know what to say to her.", 1),
    ("A kid in my class posted that he wants to die. Should I tell a teacher?", 0),
    ("My dad keeps saying the family would be better off without him. I'm so worried.", 1),
    ("I found razor blades hidden in my daughter's room. What do I do?", 1),
    ("My roommate said he's suicidal last night and now he won't open his door.", 1),
    ("How do you support someone who talks about ending their life?", 0),
    ("My friend attempted last month and I keep thinking I should have seen it.", 1),
    ("I'm terrified my mum is going to hurt herself again.", 1),
    ("One of my students wrote about wanting to die in her journal. What's the protocol?", 0),
    ("My partner keeps saying he's tired of being alive and I can't tell if he's serious.", 1),
    ("What should I say if a friend tells me they cut themselves?", 0),
)

#: Past attempts or self-harm the author has come through; present tense is safe.
RECOVERED: tuple[str, ...] = (
    "{n} years ago I tried to take my own life. Today I graduated. Hold on, it can change.",
    "I survived an attempt {n} years ago and I'm really glad I'm still here.",
    "{n} years free from self-harm today!",
    "I used to cut, but I haven't in over {n} years. It does get better.",
    "At seventeen I was suicidal. Now I'm thirty with a family I love.",
    "My scars are {n} years old now. I look at them and see how far I've come.",
    "I was in hospital after an overdose {n} years ago. I'm well now and I volunteer on a helpline.",
    "{n} years since my attempt. Still here, mostly happy, definitely grateful.",
    "Recovered from self-harm {n} years ago and I want people to know recovery is possible.",
    "Looking back on my attempt {n} years ago, I'm so glad it didn't work.",
)

NEWS: tuple[str, ...] = (
    "A new report says suicide rates among young men rose last year.",
    "Our council is funding a new crisis line after a rise in suicides.",
    "The documentary about the singer's suicide was handled with a lot of care.",
    "Researchers found that asking directly about suicidal thoughts does not increase risk.",
    "Hamlet's 'to be or not to be' speech is often read as being about suicide.",
    "An inquest concluded the musician died by suicide.",
    "Suicide prevention week starts Monday and our school is running workshops.",
    "Is there good evidence that barriers on bridges reduce suicides?",
    "My psychology essay is on self-harm among teenagers, any good sources?",
    "The novel deals with a character's suicide attempt without glamorising it.",
    "The podcast had a thoughtful episode on how to talk to men about suicide.",
    "Journalists are asked not to describe suicide methods in news stories.",
)

SUPPORTIVE: tuple[str, ...] = (
    "I'm so glad you reached out. You're not alone, and I'm here to listen.",
    "Please stay safe tonight. Can you call a crisis line or someone you trust?",
    "Sending you love. What you're feeling is real, and it can get better.",
    "If you're thinking about hurting yourself, please text a crisis line. We want you here.",
    "You matter to this community. Would you be willing to talk to someone today?",
    "I've been where you are and I'm still here. Please hold on a bit longer.",
    "Thank you for telling us. Is there somewhere safe you can go right now?",
    "Your life matters. Please contact emergency services if you're in danger.",
    "I'm not a professional but I care. Can you tell me what's happening tonight?",
    "You don't have to go through this alone. DM me anytime, I mean it.",
)

NEGATED: tuple[str, ...] = (
    "I'm not suicidal, just exhausted.",
    "I don't want to die, I just want this week to be over.",
    "To be clear, I'm not going to hurt myself. I'm just really sad.",
    "I'm not in danger, I just needed to vent about my breakup.",
    "No thoughts of ending it or anything, just burnt out.",
    "I would never hurt myself, but I cry every night.",
    "Not planning anything, I promise. I'm just lonely.",
    "I'm safe, don't worry. Just having a rough night.",
    "I'm not going to do anything stupid, I just feel empty.",
    "I don't want to kill myself, I want my life to feel less heavy.",
)

DISTRESS: tuple[str, ...] = (
    "I feel so alone since moving here.",
    "Cried in the car again after work. Everything feels heavy.",
    "My gran died last week and I can't stop crying.",
    "I'm so anxious about the court date that I can't eat.",
    "I've been feeling empty for weeks and I don't know why.",
    "Nobody at school talks to me. It hurts more than I let on.",
    "Got rejected from every job I applied for and I feel useless.",
    "My anxiety is through the roof and I haven't slept properly in days.",
    "I miss my dad so much it physically hurts.",
    "Another panic attack at work today. I'm so embarrassed.",
    "Since the divorce I just feel numb most of the time.",
    "I'm overwhelmed by everything and can't get out of bed some days.",
)

#: Replies in which the replier discloses their OWN risk (self_harm 1 despite being replies).
REPLY_DISCLOSURE: tuple[str, ...] = (
    "Same here honestly. I've been thinking about ending it too.",
    "This thread hits hard. I've got pills saved up and I keep thinking about using them.",
    "Reading this, I realise I don't want to be alive anymore either.",
    "I'm in the same place. I cut again tonight.",
    "Wish I had your strength. I've already written my goodbye letters.",
    "Me too. Most nights I go to bed hoping the morning never comes.",
    "I get it. I've decided I'm going to kill myself after the holidays.",
    "Not to make this about me, but I tried to end it last night and I'm still thinking about it.",
)

#: Parent posts that invite disclosure replies: venting and questions, never risk themselves.
DISCLOSURE_PARENTS: tuple[str, ...] = (
    "Anyone else feel like the winter just drags on forever?",
    "How is everyone holding up this week? Be honest.",
    "I've been struggling a lot lately and just wanted to see if I'm the only one.",
    "Check-in thread: how are you really doing?",
    "Does it ever get easier after a breakup?",
    "Had a really bad day. Anyone want to talk?",
)

PREFIXES: tuple[str, ...] = (
    "", "", "I need to say this somewhere. ", "Throwaway account. ", "Sorry for posting this. ",
    "I don't even know why I'm writing this. ", "Not looking for advice. ", "Can't sleep. ",
)
SUFFIXES: tuple[str, ...] = (
    "", "", " Nobody would even notice.", " I'm so worn out.", " Please don't try to talk me out of it.",
    " I needed to tell someone.", " I'm sorry.", " It's been building for months.",
)
