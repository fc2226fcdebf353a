"""Many distinct crisis posts and their near misses, for the ``varied_crisis`` functionalities
(and ``near_miss_everyday``, outside that group).

Why a second set of banks: the default crisis banks (``crisis_banks.py``) hold 12-18 sentences
per functionality, repeated under prefixes and suffixes, and the model learns those sentences by
heart: on 0.2.1 the generated rows are found 0.99-1.00 of the time and other wordings of the same
acts in the suites 0.64-1.00 (docs/hardcases.md, "Adapter rank 32"). Here each functionality has
35-70 posts of different lengths, registers and situations, no two sharing a run of five words,
and the near misses are written to look like the crisis posts (same topics, same framings) so
that only the author's present risk tells them apart.

Written for Haven's training data by authors who had not read the evaluation suites
(``eval/suites/``), the reports or the docs that quote them; the leakage test
(``tests/training/test_hardcases_leakage.py``) checks every generated row against the suites.
Plans and methods are named, never explained. Near-miss banks are ``(text, distress)``; reply
banks are ``(parent, reply)`` or ``(parent, reply, distress)``, and the reply alone decides the
label.
"""

from __future__ import annotations

#: Author's own current or recent self-injury, in many registers and methods (no gore, no how-to).
VARIED_SELF_INJURY: tuple[str, ...] = (
    "Cut again last night.",
    "Did it again. Deeper.",
    "burned my wrist with the hair straighteners on purpose after the call with my dad",
    "Relapsed. 94 days gone.",
    "My thighs are covered in fresh lines and it's only Tuesday.",
    "Anyone know how to hide a new burn from a PE teacher? Changing rooms are tomorrow.",
    "I bit my forearm so hard during the argument that it's purple with teeth marks.",
    ("pulled out another patch of hair tonight, there's a bald spot now and i did it on purpose "
     "because i deserved it"),
    ("Skipped every meal since Sunday. I don't get to eat after what I said to her. My "
     "housemates think I eat at uni and I let them. This is the only way I know to pay for being "
     "such a horrible person."),
    ("Made myself throw up after dinner as punishment. Not about weight, about feeling like "
     "garbage."),
    "Head against the bathroom tiles until I saw stars. Feel calmer now, which scares me.",
    "hit my legs with a hairbrush till they went blotchy. mum thinks i fell",
    "Scratched my arms raw under the table during the meeting. Nobody noticed.",
    "The urge won tonight.",
    ("Clean for a year and I threw it away over one text from him. He wrote 'we need to talk' "
     "and I was in the bathroom before I'd even read the rest. Nobody in my support group knows "
     "yet."),
    "I'm wearing a hoodie in 30 degree heat because of what I did yesterday.",
    ("Got misgendered at work four times today, came home and took the blade out. It's the only "
     "thing that quiets the dysphoria."),
    ("Bandages in my bag, plasters on my wrist, and a story about the cat ready. My in-laws "
     "arrive tomorrow and they already think I'm unstable because I'm 'the foreign wife'. Last "
     "night was the worst it's been in months."),
    "Part of me is relieved by how deep it went and that terrifies me.",
    "My roommate almost walked in on me while I was cutting. Locked the door and kept going.",
    "i keep picking the scabs open so they won't heal. i want them to stay",
    "Punched myself in the face in the mirror tonight. Twice.",
    "Another cigarette burn on my ankle tonight. That's five this week.",
    "Teacher asked about the marks on my hands. Said it was the dog. It wasn't the dog.",
    ("Sorry for the long post. After my visa got rejected again I sat on the bathroom floor and "
     "cut for the first time in two years. I thought I was past this. My family back home thinks "
     "I'm thriving."),
    ("Still not eating. Every time someone shouts something about my body in the street I take "
     "food away from myself, like I'm agreeing with them."),
    ("Does anyone else scratch until it bleeds and then feel nothing? Did that for an hour "
     "tonight."),
    "I slammed my hand in the drawer on purpose. Three times. It's swollen.",
    "Self harmed again. That's it, that's the post.",
    ("How do I look after a cut that's worse than usual without going to A&E? My parents can't "
     "find out."),
    ("my brother see my arms and I tell him it is allergy. Is not allergy. I do it again "
     "yesterday when I am alone."),
    ("Coming out went horribly. Dad said I'm not his son anymore. I've been hurting myself every "
     "night since, mostly burns where nobody looks."),
    "Fresh ones on my stomach. Hiding them from my girlfriend is getting harder.",
    "Ice cold showers and rubber bands weren't enough tonight. Went back to the razor.",
    ("Kept banging my head on the steering wheel in the car park after the interview. Fourth "
     "rejection this month, all about 'culture fit'. Forehead's bruised and I sat there an hour "
     "before I could drive."),
    "Relapse count: 3 this month.",
    "Why do I feel calmer after hurting myself? Just did it again and I'm shaking but calm.",
    "ngl the marks on my hips are getting out of hand",
    "Took a compass from my little sister's pencil case and scratched into my arm during maths.",
    "I hurt myself today. I'm not okay.",
    ("Bitten my nails down to blood and now I've started on the skin around them. On purpose, to "
     "feel it."),
    "three weeks clean → zero. again.",
    "Held my palm on the hob. It wasn't an accident, I wanted it to hurt.",
    ("Every time the group chat leaves me on read I punish myself. Tonight it was the belt "
     "across my legs, quietly so my flatmate wouldn't hear. I know it's not normal. I just can't "
     "stop."),
    "Scratched the slur they yelled at me into my thigh with a pin. I don't know why I did that.",
    "Posting from the bathroom floor. Just finished. Hands won't stop shaking.",
    ("Doctor asked if I self harm. I said no. Did it twice since the appointment. I'm a nurse, I "
     "should know better, and I'm terrified that if anyone finds out I'll lose my registration, "
     "so I just keep covering it."),
    "the old scars were fading and now they have company",
    "Day 1 again. Couldn't hold off.",
    ("I've started hurting myself in ways that don't leave marks so nobody asks. Pinching, "
     "hitting where clothes cover."),
    "Spent the night pulling my eyelashes out one by one. None left on the left eye now.",
    ("Purged three times today. I do it when I hate myself, and today I really hate myself. Got "
     "called a terrorist on the tram in front of a whole carriage and nobody said a word, then I "
     "came home and did this to myself instead of crying."),
    ("Why can't I stop? Cut on Monday, burned on Wednesday, and tonight I'm sitting here with it "
     "in my hand again."),
    ("Anyone else hurt themselves after family dinners? Auntie said my 'lifestyle' is a disease "
     "so I went upstairs and did it again."),
    "My arm needed steri-strips tonight. First time it's been that bad.",
    "I punch my thighs when I hear my mum cry. Did it an hour ago.",
    ("Dug my nails into my wrists until they broke the skin during the exam. Fail and bleed, "
     "great combo."),
    ("Wearing plasters on both arms and telling everyone it's eczema. My manager keeps offering "
     "me her cream. I'm three weeks into the new job, the only Black woman on the floor, and "
     "every night I come home and do it again."),
    "Hurt myself. Sorry.",
    "Hit myself with my phone till my cheek swelled. The messages were that bad.",
    ("I'm 15 and I've been cutting since the summer, when the group chat found out I was gay and "
     "screenshots went round the whole year. Did it before school this morning too. I can't tell "
     "my parents, they're really religious."),
    ("Lost it after the landlord's email and smashed my fist into the door frame over and over. "
     "Pretty sure something's broken. I wanted it to be."),
    "relapsed after 8 months, the lighter was right there",
    ("The scratches on my neck aren't from the cat, I did them last night when the voices got "
     "loud."),
    ("Skin picking has turned into something worse. I'm using tweezers to dig now and I can't "
     "stop."),
    ("Stopped taking my meds and started starving myself instead, because I don't deserve to "
     "feel better. The debt letters keep coming and every one feels like proof I should suffer."),
    "So that happened. Grabbed the knife, locked myself in. It's done and I feel empty.",
    "bruises on my shins from kicking the bed frame on purpose, every night this week",
    "Cold water over the new burn while I type this. Told my partner I'm doing my skincare.",
    "It started as snapping a hair tie on my wrist. Now it's cuts. Added three more tonight.",
)


#: Explicit current suicidal ideation or intent, stated directly.
VARIED_EXPLICIT: tuple[str, ...] = (
    "Suicidal again. Worse than last time.",
    ("I'm thinking about ending my life, like actually thinking about it, not just the usual "
     "dark thoughts."),
    "i really wanna die tonight",
    ("Is it weird that suicide feels like relief instead of something scary? I think about doing "
     "it every hour now."),
    "I've decided. I'm taking my life.",
    ("My wife left, the business is gone, and I genuinely intend to end my own life. I'm only "
     "telling strangers because nobody else would take it seriously."),
    "Kill myself. That's all I can think.",
    "Honestly? Death sounds better than one more day of this.",
    "I have never wanted to die as badly as I do right now.",
    ("Twelve years of hiding who I am and I can't do it anymore. I'd rather end my life than go "
     "back in the closet."),
    "suicide is on my mind 24/7 and tonight it's louder",
    "I don't want help. I want to be dead.",
    ("Every part of me is screaming to end this life. I've been the strong one since dad died, "
     "paid for everyone, smiled at every wedding. I'm out of strong."),
    "Tonight I'm choosing to die.",
    ("After the deportation letter came I realised I would rather die than go back there. I mean "
     "that literally."),
    "Am I crazy for wanting to kill myself over a breakup? Because I do. Badly.",
    "I plan to die soon.",
    "I keep holding the knife and thinking about turning it on myself.",
    "Suicidal. Need someone. Anyone.",
    "The urge to end my life hasn't stopped since Friday.",
    "My therapist is on holiday and I've never been this close to killing myself.",
    "I wanna die so bad rn",
    "Dying is the plan now, I'm just figuring out when.",
    ("Nobody uses my real name at home, nobody at school knows me. I'm done pretending and I "
     "reckon I'll kill myself soon."),
    "Christmas is six weeks away and I'll be gone before it. I'm ending it.",
    "Killing myself feels like the only option left.",
    "I'm so close to doing it.",
    ("Have you ever been absolutely sure you were going to die by your own hand? That's me "
     "tonight."),
    "today i decided i'm not gonna be alive much longer. by choice.",
    ("Every time I cross the road I think about stepping in front of the bus, and lately I've "
     "wanted to actually do it."),
    ("I am feeling suicidal and I am alone in my flat. My family are in Lagos and it's 3am "
     "there, I don't want to scare them. I just need someone to know I'm not safe right now."),
    "I want out of life. Not a holiday, not a new job. Out.",
    ("Thinking of suicide constantly. Four nights without sleep. The bailiffs came on Tuesday "
     "and took the car, and when I sit in the dark the only thing my mind offers me is ending it."),
    ("The bullying at school got so bad that I want my life over. They trip me on the stairs and "
     "the teachers just say ignore it. I can't face another Monday and I'm seriously thinking "
     "Monday won't come for me."),
    "Sorry mods if this isn't allowed but I'm going to die by suicide and wanted someone to know.",
    "My body is here but I've already decided to kill myself.",
    "I'd do it right now if I had the guts. I'm working on the guts.",
    "Suicide. That's where my head is.",
    "Can't stop picturing my own death and I want it.",
    "I am sixty-two, widowed, and I intend to join my wife. I have no wish to continue.",
    "No more therapy, no more meds, no more trying. I'm ending my life.",
    ("Mum found out I'm bi and kicked me out. Sleeping in my car and I want to die, properly "
     "want to."),
    "Yo I'm actually suicidal rn not even joking",
    ("i have to kill myself. there's no other way out of this debt. borrowed from the wrong "
     "people to pay the first loan and now they're messaging my little sister. if i'm gone it "
     "stops"),
    ("Being alive is not something I'm willing to keep doing. Fourteen months on the waiting "
     "list for mental health services. I have waited long enough."),
    ("Everything in me wants death tonight and I'm losing the fight against it. Her parents "
     "found out about us and she ended it by text an hour ago."),
    "Me and my brain have agreed: I'm done living.",
    ("Is it normal that my first thought on waking is 'today I'll kill myself'? It's every day "
     "now and today I think I mean it."),
    "I feel like I must die. Not want, must.",
    "My suicidal thoughts have turned into intentions.",
)


#: Passive ideation: wishing not to exist, hoping for death, burden beliefs, no future.
VARIED_PASSIVE: tuple[str, ...] = (
    "Anyone else go to sleep secretly hoping it's the last time?",
    "Not that I'd kill myself exactly. I just want to not be here.",
    "Everyone's lives would improve without me dragging them down.",
    "tired of being alive tbh",
    "If a doctor told me I had six months I think I'd feel relieved.",
    "You ever just want to stop existing for a while? Like permanently for a while.",
    ("No future for someone like me. Undocumented, a degree that doesn't count here, and no way "
     "back home. Some nights I pray the morning skips me."),
    ("I'm a burden to my parents. They'd have money for my sister's uni if I wasn't around. "
     "Mum's working double shifts because of my hospital bills, and every time she looks tired I "
     "think it'd be kinder if I just wasn't here."),
    "Crossed the road without looking today and kind of hoped.",
    "Some days I wish I'd never woken up from the surgery.",
    "Existing is exhausting.",
    "Wish I could just fade out.",
    "When I hear about people dying young I feel jealous. Is that messed up?",
    "Being alive feels like a punishment I didn't sign up for.",
    ("My partner would be free to find someone normal if I were gone. Someone who isn't a "
     "'phase' her parents have to tolerate."),
    ("I keep thinking the world would be lighter without me in it. My flatmates, my team, even "
     "the guy at the corner shop. I'm just weight everyone has to carry."),
    "don't care if i live or die anymore",
    "Honestly if the plane went down I wouldn't mind.",
    "I hope I get sick with something that takes me quickly.",
    "Just want to disappear and not come back.",
    ("Can't picture myself at 30. Can't picture myself next year, honestly. Everyone at uni "
     "talks about grad schemes and flats and weddings and I just nod, because in my head there's "
     "nothing there. Just black."),
    "Why do I have to keep being alive? Nobody asked me.",
    "I'm only still here because I'd feel bad for my mum.",
    "Life is just a waiting room and I'm ready for my name to be called.",
    "Sometimes I lie in bed and wish my heart would just stop by itself.",
    "Oh well. Maybe I'll get lucky and not wake up.",
    "My existence is a mistake that everyone has to clean up after.",
    "Won't do anything myself, but I'd welcome it if something happened to me.",
    ("Since I came to this country I have no one. If I die here nobody will even know, and I "
     "find I don't mind that."),
    "being a burden is all I am at this point",
    "There's nothing ahead of me worth staying for.",
    "Wishing I could press pause on life. Actually, stop is more accurate.",
    "Feel like I'm already gone and my body hasn't caught up.",
    "If I vanished nobody at work would notice until the bins overflowed.",
    ("Each morning I'm disappointed I'm still alive. The alarm goes, I remember who I am and "
     "what I owe, and the first feeling is 'oh no, again'."),
    ("Another birthday. I really hoped I wouldn't see this one. Thirty-four and nobody called "
     "except the bank. Spent it in bed wishing it was my last."),
    "Would it be so bad if I just... wasn't?",
    ("People keep telling me it gets better. I'm 40, it hasn't, and I'd rather not be around to "
     "find out."),
    "Done with living, not brave enough for the rest.",
    ("My nan's funeral was today and all I could think was that it should have been me in the "
     "coffin."),
    "honestly dont see a reason to stick around",
    ("Life insurance would do more for my family than I ever will. I keep picturing how much "
     "easier their lives would be with that money instead of me."),
    ("Being trans in this town means every day is a fight, and I'm so tired that not existing "
     "sounds peaceful."),
    "Lowkey hoping this cough turns into something fatal.",
    "I just want everything to stop. Me included.",
    "How do people want to live to 80? I can barely stand 25.",
    "I wish I'd been the one in the crash instead of him.",
    "Nobody would miss me, they'd just have more room.",
    "I'm a waste of oxygen and space.",
    ("Part of me hopes I get hit by a stray bullet on the way home. Sounds dramatic, but it's "
     "true."),
    "Every night: please let this be the last.",
    ("My kids deserve a better dad than me. Maybe one who isn't here. Since the redundancy I sit "
     "in the car outside the house for an hour before I can go in and pretend."),
    "If I could trade my life for someone who wants theirs, I'd do it tomorrow.",
    "Hoping the storm takes the roof and me with it.",
    "It's not death I want, it's the absence of being alive. Is there a difference?",
    "I'd be fine with dying in my sleep tonight.",
    "My future is a blank wall. Nothing past this month.",
    "Sometimes the thought of never waking up is what gets me to sleep.",
    "mum would cry for a week and then be free. that's a better deal than this",
    "wish i wasnt born into this body or this family or this life",
)


#: A plan, method, place, time or date, or acquiring means; referenced only, never instructional.
VARIED_PLAN: tuple[str, ...] = (
    "Been collecting my prescription for two months instead of taking it. You can guess why.",
    "Bought rope today. Told the cashier it was for camping.",
    "There's a bridge near my work. I've started walking over it at lunch to look down.",
    "I've set a date. After graduation.",
    "Friday. That's when.",
    "Once the divorce papers are signed, I'm going up to the car park roof.",
    "My stash is big enough now.",
    "I know exactly how I'd do it and that scares me less than it should.",
    "Train line runs behind my house. I've been watching it from the fence every night.",
    ("Got a hotel room booked for the 3rd. I'm not planning on checking out. Told work I'm "
     "taking a long weekend, told my sister I'm visiting a friend. Nobody will piece it together "
     "in time."),
    "After mum's 60th. I won't ruin her party but after that I'm done.",
    "I've marked the day on my calendar in a code only I understand.",
    "The car, the garage, Sunday night.",
    "There's a lookout on the coast road I keep driving to. Next time I won't drive back.",
    "Picked up the last refill from the pharmacy. That makes enough.",
    ("Found out where my dad keeps the key to the gun cabinet. He's away with his mates next "
     "weekend and mum works nights. Nobody knows what the lads at school posted about me."),
    "New Year's Eve is the deadline I've given myself.",
    ("Planning to walk into the sea on my birthday. I'll be 40 and I've never once been happy on "
     "that day. The beach where we scattered dad's ashes is two hours away by train."),
    "Ordered something online that I shouldn't have. It arrives Thursday and so does the end.",
    "i have a plan and a date. just need to get through the week so nobody suspects",
    "If my results say I failed, that's it. Already decided how.",
    "I've been hoarding the painkillers from my knee surgery.",
    "Blade taped under the desk. Waiting for the right night.",
    ("My flatmates are away this weekend. That's my window. They asked if I'd be okay on my own "
     "and I said I'd finally get some peace and quiet. They won't understand what I meant until "
     "Monday."),
    "As soon as my shift ends I'm swallowing every tablet in the cupboard.",
    "There's a tree in the woods behind the school that I've already picked.",
    "the bottle's under my bed and i'm just waiting for everyone to fall asleep",
    "Ramadan ends next week. I'll wait until after Eid so my family can have it.",
    "When my lease ends on the 30th I'm not signing anything. I'm heading to the bridge instead.",
    "Checked the tide times for Saturday. Not for fishing.",
    ("I asked my GP for more sleeping pills and she gave them to me. She doesn't know why I "
     "wanted them."),
    ("I've decided on the method. I've decided on the day. I just haven't decided whether to "
     "tell anyone."),
    "I'll wait until my cat passes. She's 17 and sick. Then it's my turn.",
    ("Drove past the quarry three times this week. The bank takes the farm next month, four "
     "generations and I'm the one who lost it. Next time I stop the car."),
    "Got the rope, got the note half written, got nothing stopping me.",
    "The date is circled. 11 days.",
    "Went to the chemist today. It wasn't for a headache.",
    "It'll be on the anniversary of when he left.",
    "my dad's old hunting rifle is still in the attic and i think about it every night",
    "Taking the ferry on Sunday. One-way ticket, and I won't be getting off at the port.",
    "I've found a spot in the national park where no one would find me for weeks.",
    "Waiting until after my little brother's exams, then I'm going through with it.",
    "Thursday at 4am. Everyone's asleep and the roads are empty.",
    "Everything I need is in a shoebox in my closet.",
    "Eight floors up. Balcony door is right there. Been standing at it all night.",
    "Going to my old school's rooftop tonight. It's where it all started so it's where it ends.",
    "The knife is under my pillow for tonight.",
    "Stockpiled enough over the winter. Spring is when.",
    "Drew the cash out to buy what I need. Payday is the day.",
    ("Just need my parents to leave for the wedding in Lahore next month, then I'll have the "
     "house to myself."),
)


#: Final preparations: goodbyes, rehoming pets, giving things away, wills, notes, scheduled
#: messages.
VARIED_PREPARATION: tuple[str, ...] = (
    ("Found a good home for Biscuit. She'll be happier there, and she'll need to be. Told the "
     "rescue I'm moving into a flat that doesn't allow dogs. Cried the whole way home."),
    "I've scheduled a few emails to go out next Monday. By then it won't matter.",
    "Gave my guitar to my cousin. Told him I don't play anymore. I won't.",
    "Made a spreadsheet of my accounts and passwords and left it on the desktop.",
    "wrote letters to everyone. they're in my bag with names on them",
    ("Cancelled my gym membership, my phone contract, and the dentist. Tidying up. Also sorted "
     "who gets my car and wrote out the council tax details. Being this organised is the calmest "
     "I've felt all year."),
    "If anyone from here sees this, thank you. You were kinder than most. Goodbye.",
    "Texted my ex to say I forgive her. First time in a year. She asked if I'm ok. I said yes.",
    "I've been visiting everyone I love this week. They think I'm just being nice.",
    "Sold my PS5 and gave the money to my sister. She won't know why until later.",
    "Deleted my Instagram, my drafts, my search history. Nothing left to clean up.",
    "Paid back every penny I owed to my friends. Clean slate before I leave.",
    "Wrote a will at 19. The lawyer thought it was sensible. It isn't for the reason she thinks.",
    "Last post. Be good to each other.",
    "Left my plants with the lady downstairs. Said I'm travelling. Not exactly a lie.",
    ("Recording voice notes for my little brother's birthdays. He's 8. There are ten of them. "
     "Mum thinks I'm making a podcast. I'm trying to tell him everything I would have told him "
     "if I was around."),
    "Most of my clothes went to the charity shop. Don't need much where I'm going.",
    "My note is finished. Took me three drafts.",
    "Called my grandma in Manila and told her I love her. Told her not to worry about me anymore.",
    "Returned all the library books and the drill I borrowed from next door. Loose ends.",
    "Made sure the cat has food for a week and the spare key is with my neighbour.",
    "I wrote my own eulogy tonight. It was short.",
    "thanks for everything guys. im logging off for good",
    "Transferred my savings to my mum's account. She'll need it for the funeral.",
    "Finished sorting which of my books go to which friend. Put little notes in each one.",
    "To my online friends: you kept me going longer than anyone. I'm sorry I couldn't go further.",
    ("I hugged my dad at the airport longer than usual. He doesn't know it was the last one. He "
     "flew back to Chennai thinking I'm settled here with a job and friends. I've got neither, "
     "and his letter is already written."),
    "Set up an auto-reply saying 'I'm no longer here', starting Friday.",
    "Made a playlist for my memorial. It's saved in my notes app.",
    "Finally told my best friend she can have my records. She laughed. I didn't.",
    "Organ donor card is filled in and in my wallet now.",
    "Apologised to everyone I ever hurt this week. Feels like closing the book.",
    ("I cleaned my whole flat top to bottom so whoever comes in won't have to. Binned the old "
     "journals, folded everything, emptied the fridge. One less mess for my family on top of "
     "everything else."),
    "Wrote the laptop password on a sticky note for mum. She'll understand later.",
    "My hamster is going to the neighbour's kid tomorrow. I told her I'm allergic now.",
    ("Handing in my notice wasn't because I got another job. The team bought me a cake and a "
     "card that says 'good luck with the next adventure'. I smiled. End of the month and "
     "everything's sorted."),
    "Logged into every account and wrote a final message on each. All queued up.",
    "Gave my roommate my winter coat and my bike. 'Early Christmas.' It isn't.",
    ("Spent the day taking my name off everything. Leases, bills, the group chat. Gave notice on "
     "the flat too and told the landlord it's a family emergency. Don't want mum stuck paying "
     "rent on an empty room."),
    ("Told my therapist I'm doing much better so she'd stop checking in. Really I've been "
     "getting my affairs in order."),
    "If you find this account after: the letters are in the blue folder.",
    "Put my rings in an envelope for my niece.",
    "Messaging each of my friends one by one with something nice. Kind of my way of saying bye.",
    "Nothing's left in my room except the bed and a letter.",
    ("I asked my brother to take care of mum for me. He laughed and said 'where are you going.' "
     "I didn't answer."),
)


#: Slang, euphemism, emoji and evasive or censored spellings for suicide and self-harm.
VARIED_EVASIVE: tuple[str, ...] = (
    "gonna kms fr this time",
    "unaliving myself is looking better every day",
    "sewerslide hours 🪦",
    "won't be here by friday lol",
    "i wanna catch the bus tonight",
    "ctb soon. just tying up stuff",
    "thinking about the final exit a lot",
    "i want to go to sleep forever 💤🪦",
    "s*icide is all I think about",
    "k!ll mys3lf tonight maybe idk",
    "ready to self delete",
    "🔪🩸 again",
    "s3lf h4rm again tonight",
    "k m s",
    "might just yeet myself off the roof ngl",
    "gonna alt+f4 my life",
    "logging off permanently soon if you catch my drift",
    "need to become a ghost fr 👻 not joking this time",
    "I want to un-exist.",
    "Sui thoughts are loud today.",
    "Ready to rage quit life.",
    "unalive thoughts since monday, can't shake em",
    "going to see my grandpa soon (he's dead)",
    ("lmao imma just off myself after finals. no but for real, failing out means visa gone, "
     "family's savings gone, and i'm not going home to face that. after the last paper i'm done"),
    "thinking about doing sudoku this weekend 🫠",
    "su!c!dal af",
    "the 🪢 is ready",
    "💊💊💊 + 🌙 = bye",
    "fr thinking about the long nap",
    "not kys, kms. that's the vibe tonight",
    "ur girl is gonna unalive herself this weekend 🙃",
    "d3ath sounds nice rn",
    "about to take a permanent vacation, don't wait up",
    "gonna delete myself like a bad draft",
    "time to end the game. no continues.",
    "i'm 🤏 this close to kms",
    "Considering the s-word. Not the swear, the other one.",
    "bridge looking real comfy tonight 🌉",
    "checking out of this life early, see ya",
    ("s/h urges through the roof, caved twice today. exam results tomorrow and dad will go "
     "mental if it's below an A, so honestly caving again tonight is prob happening"),
    "SH'd again. oops. 🙃",
    ("ctb'ing after my birthday, already decided. family's been on me about 'fixing' myself "
     "since i came out and i'm not giving them another year of that. got what i need"),
    "k1ll1ng mys3lf is the only exit I see",
    "pressing the off switch on me soon",
    "🪦 me by sunday",
    "thinking bout suey side ngl",
    "gonna go be with the stars tonight ✨ not in the cute way",
    "s u 1 c 1 d 3 (spaced so the bot doesn't catch it) is where my head's at",
    "Bout to become a statistic.",
    "mayb i should just dip. permanently.",
)


#: (parent, reply): ordinary thread posts, mostly upbeat or neutral; the reply discloses the
#: replier's OWN risk.
VARIED_REPLY_DISCLOSURE: tuple[tuple[str, str], ...] = (
    (
        "Share your pets! I'll start: this is Mochi, she's 3 and hates Mondays 🐱",
        "He's beautiful. I'm looking for someone to take mine, I won't be around much longer.",
    ),
    (
        "How do you all cope with exam stress?",
        "I don't. I've been cutting every night since mocks started.",
    ),
    (
        "Just got my acceptance letter to uni!!! 🎉",
        "Congrats. I won't make it to September but I'm happy for you.",
    ),
    (
        "What are you all reading this month?",
        "Nothing. I keep rereading the note I wrote to my parents.",
    ),
    (
        "Pride month plans? Drop them below 🏳️‍🌈",
        "My plan is to not be alive by the end of it. Parents found my binder.",
    ),
    (
        "Tips for making friends after moving to a new city?",
        ("Been here 2 years and nobody would notice if I died tonight. Kind of planning on "
         "testing that."),
    ),
    ("Monday check-in: rate your week 1-10", "0. The pills are lined up on the desk."),
    (
        "Post your favourite comfort food!",
        "Haven't eaten in four days. It's on purpose, I'm punishing myself.",
    ),
    (
        "Anyone watching the match tonight?",
        "won't be around for the second half of the season tbh",
    ),
    ("What song is stuck in your head?", "The one I picked for my funeral."),
    ("Happy Friday everyone! Any weekend plans?", "Yeah. Ending it Sunday."),
    (
        "How do you deal with family who won't use your pronouns?",
        ("I stopped dealing. I've decided to be dead before Christmas so I don't have to sit at "
         "that table."),
    ),
    (
        "Give me your best dad joke.",
        "Can't. Just burned my arm again and I'm sitting here shaking.",
    ),
    (
        "Winter is finally over! What are you looking forward to this spring?",
        "Nothing. I don't plan on seeing it.",
    ),
    ("Who else is starting a new job this week?", "Lost mine. Updated my will instead."),
    (
        "We hit 10k members! Thank you all for being here 💜",
        "This might be the last thing I comment. Thanks for the company.",
    ),
    (
        "What's something small that made you smile today?",
        "the thought that soon I won't have to do any of this",
    ),
    (
        "Best ways to handle racist comments at work?",
        ("I go to the toilets and hit my head on the cubicle wall until I feel nothing. Did it "
         "twice today."),
    ),
    ("Drop a photo of your view right now 🌅", "A railing and a long way down."),
    (
        "Free-talk thread: what's on your mind?",
        "That I've got six days left. Picked the date on Sunday.",
    ),
    (
        "Recommendations for a good therapist in Melbourne?",
        ("too late for me mate. been on the public list a year, can't afford private, and I've "
         "got it all sorted for the weekend now. good luck to whoever asked though"),
    ),
    (
        "How long did it take you to feel at home after immigrating?",
        "Eight years and still not. I'm ready to go, and I don't mean back to Nigeria.",
    ),
    (
        "Guys I passed my driving test!!",
        "congrats!! wish i could be happy for anything. i'm not gonna be here next week",
    ),
    ("Favourite self-care routine?", "Mine's a razor. Relapsed again tonight."),
    (
        "Anyone else excited for the holidays?",
        "No. I'm handing out my presents early this year because I won't be here for them.",
    ),
    (
        "What would you tell your younger self?",
        "That it never gets better, which is why I'm done after this week.",
    ),
    (
        "Post your study setup!",
        ("my desk has a letter for my mum on it and that's about it. cleared everything else "
         "off. no point revising for exams i won't be sitting"),
    ),
    (
        "Breakup advice? She left after 4 years.",
        ("Mine left in June. I've been trying to find the courage to die ever since, and this "
         "week I think I found it."),
    ),
    (
        "What's your go-to karaoke song?",
        "don't really sing anymore. did something bad to my wrist last night.",
    ),
    (
        "Shoutout to everyone who came to the meetup yesterday!",
        "I wanted to come and say goodbye to everyone in person. Couldn't make it. So goodbye.",
    ),
    (
        "Is anyone else having trouble with their visa renewal?",
        "Rejected. If they deport me I'll end it before the flight.",
    ),
    (
        "Rate my new haircut 💇",
        "cute. I shaved mine off because I was pulling it out again, big patches.",
    ),
    (
        "What do you do when you can't sleep?",
        "Lie awake planning how I'd do it. Getting pretty detailed lately.",
    ),
    (
        "Coming out day! Share your stories 🌈",
        "Came out last week, got disowned, and I've been planning my suicide ever since.",
    ),
    ("Who's up for a movie night on Discord Saturday?", "I'll be gone by Saturday, but have fun."),
    (
        "How are your plants doing? Mine finally flowered 🌸",
        "gave all mine away yesterday along with everything else",
    ),
    (
        "Let's hear your wins, big or small!",
        "Win: I finally have enough pills. Sorry to bring the mood down.",
    ),
    ("Money saving tips for students?", "Not paying next month's rent. Won't need the room."),
    (
        "Anyone want to be gym buddies?",
        "can't. covering fresh cuts on my arms and I'm not ready to explain",
    ),
    ("My grandma turned 100 today!", "100 years. I can't do 22. Tonight's my last night."),
    (
        "Does anyone have advice for dealing with a homophobic boss?",
        "Quit. Or do what I'm doing and quit everything. Just wrote my note.",
    ),
    ("What's your comfort show?", "Rewatching everything one last time before the weekend."),
    (
        "Thread for people who just got diagnosed with something",
        "Type 1 diabetic. Been skipping my insulin on purpose hoping it finishes me off.",
    ),
    ("Feeling grateful today! What are you thankful for?", "That this is almost over for me."),
    ("Post the last photo in your camera roll!", "It's a photo of my note. Not posting it."),
)


#: Past attempts, past self-harm or old scars the author has come through; present is clearly safe.
NEAR_MISS_PAST: tuple[tuple[str, int], ...] = (
    ("Five years clean from cutting. Cake time.", 0),
    ("Scars faded, I didn't.", 0),
    (
        ("Told my girlfriend about the marks on my wrists last night. She just held my hand and "
         "said thank you for trusting her. I'm doing well these days and it felt good to stop "
         "hiding."),
        0,
    ),
    ("got a sunflower tattoo over my old scars today 🌻 feels like closing a chapter", 0),
    (
        ("Ten years ago this week I was in a psych ward after an attempt, convinced I'd never "
         "finish school. This week I'm defending my PhD thesis on coastal ecology, my mum has "
         "booked flights, and my supervisor keeps calling me 'Dr' as a joke. Still a little "
         "stunned by it all."),
        0,
    ),
    (
        ("Therapy anniversary! Two years with my counsellor and I barely recognise the person "
         "who first walked in wanting to disappear."),
        0,
    ),
    ("Glad I stayed.", 0),
    (
        ("When I came out at sixteen my family kicked me out and I overdosed. I'm 29 now, "
         "married, and my mum calls every Sunday. Things really can shift."),
        0,
    ),
    (
        ("Wore short sleeves to the office for the first time since I stopped self-harming in "
         "2020. Spent the morning braced for comments and nobody said a word; my manager only "
         "asked where I got the shirt. Old scars, new me, and a very ordinary Tuesday."),
        0,
    ),
    ("1000 days without self-injury today!!", 0),
    (
        ("My daughter asked about the lines on my arm. I told her I was very sad once, a long "
         "time ago, and that I got help. She gave me a sticker."),
        0,
    ),
    (
        ("back in uni i used to burn myself. now i teach first years and keep my door open for "
         "anyone who needs it"),
        0,
    ),
    ("Survived 2015. Thriving-ish in 2024.", 0),
    (
        ("It's been a year since the night I rang the crisis line instead of going through with "
         "it. Best phone call of my life."),
        0,
    ),
    ("Swimming again after years of hiding my thighs. The scars are just part of my skin now.", 0),
    (
        ("My psychiatrist discharged me today. Four years after my attempt, she said I don't "
         "need her anymore. Happy tears all afternoon."),
        0,
    ),
    (
        ("Was nervous to tell my new boyfriend about my history with self harm. Did it tonight. "
         "He said it doesn't change a thing. That part of my life is well behind me."),
        0,
    ),
    (
        ("as a trans kid i tried to end things twice. as a trans adult i'm planning my own "
         "wedding. hold on babes"),
        0,
    ),
    ("Six months harm-free. Proud.", 0),
    (
        ("Laser treatment on my old scars finished today. Honestly I'd made peace with them "
         "anyway."),
        0,
    ),
    (
        ("Three years ago I wrote a goodbye note. Yesterday I wrote a wedding speech for my "
         "brother."),
        0,
    ),
    ("My first Pride since recovering from my attempt. Danced the entire parade route.", 0),
    ("Blood donation nurse saw my forearms and didn't flinch. Tiny moment, big healing.", 0),
    ("I was sure I wouldn't see 21. Turning 35 tomorrow and genuinely excited about it.", 0),
    ("Recovery anniversary: 8 years. Still grateful.", 0),
    (
        ("Mi English not good but I want share: 4 years ago I try to kill myself after I move to "
         "this country alone. Now I have job, friends, and I am learning. Life get better."),
        0,
    ),
    (
        ("Been asked to speak at my old school about mental health. Gonna share my story about "
         "the attempt at 15 and how I got support."),
        0,
    ),
    (
        ("Hey, my psychologist agreed we can drop to monthly sessions. The self-harm stuff from "
         "college feels like another lifetime."),
        0,
    ),
    (
        ("Old me would have hurt myself over a breakup like this. New me cried, called my sister "
         "and ate ice cream. Growth."),
        1,
    ),
    (
        ("Found my old diary from when I was self-harming. Read a few pages, then thanked that "
         "girl for holding on."),
        0,
    ),
    ("2 yrs since i last cut. fave thing about summer now is not sweating in hoodies lol", 0),
    (
        ("My partner kisses the scars on my shoulder like they're nothing to be ashamed of. They "
         "aren't. They're from a version of me who survived."),
        0,
    ),
    ("Attempt survivor, twelve years on. AMA.", 0),
    (
        ("Drove past the hospital where I woke up after my overdose in 2017. Waved at it. Weird, "
         "but it felt right."),
        0,
    ),
    (
        ("Finally threw away the box of blades I'd kept 'just in case'. Haven't needed them in "
         "three years and I don't want them in my house."),
        0,
    ),
    (
        ("Our support group did a 'letters to past self' exercise. Wrote to 19-year-old me in "
         "the ER: you make it, and it's worth it."),
        0,
    ),
    (
        ("Being outed at work back then led to my attempt; I was twenty-four and thought my "
         "career and my family were both gone. Now I chair the LGBTQ staff network at a much "
         "kinder company, my brother came to my wedding, and I mentor new hires who are where I "
         "was."),
        0,
    ),
    (
        ("Tattoo artist asked if I wanted to cover the scars or work around them. Chose around. "
         "They're mine."),
        0,
    ),
    ("Semicolon tattoo finally done; the story continues.", 0),
    ("Self-harm free since 2019.", 0),
    (
        ("Nine years ago my parents found me after an overdose. Tonight we had dinner together "
         "and laughed at my dad's terrible jokes. I never thought that was possible."),
        0,
    ),
    ("mum cried when i told her im two years free of self harm. good tears", 0),
    (
        ("Doctor asked about the scars during my physical. Said 'old stuff, I'm good now' and "
         "actually meant it."),
        0,
    ),
    ("Grateful to be alive. Wasn't always.", 0),
    (
        ("Remember when I posted here at my lowest five years ago? Just wanted to say I'm okay. "
         "Better than okay. Thank you all."),
        0,
    ),
    (
        ("DBT saved my life, no exaggeration. Graduated the programme in 2021 and I still use "
         "the skills every week."),
        0,
    ),
    (
        ("Wearing a sleeveless dress at my cousin's wedding this weekend and for once I'm not "
         "worried about my arms."),
        0,
    ),
    (
        ("The worst year of my life ended with an attempt. The years since have been slow, messy "
         "and good."),
        0,
    ),
    (
        ("Bro I used to punch walls till my hands bled back in high school. Boxing gym now, "
         "gloves on, coach yelling. Way better outlet."),
        0,
    ),
    ("Seven years post-attempt and I'm training to be a peer support worker.", 0),
)


#: Worry about someone else's risk (friend, sibling, child, partner, student, online friend) and
#: how to help.
NEAR_MISS_OTHERS: tuple[tuple[str, int], ...] = (
    (
        ("My little brother texted me 'what's even the point of me' and then went quiet. I've "
         "called my parents and they're driving over. What else should I do?"),
        1,
    ),
    (
        "How do I ask my friend directly if she's thinking about suicide without making it weird?",
        0,
    ),
    ("Worried about my son.", 1),
    (
        ("My wife has stopped eating and keeps talking about being a burden. Booked her a GP "
         "appointment but I'm scared it's not enough."),
        1,
    ),
    (
        ("online friend in another timezone just said goodbye to everyone in our discord. we "
         "don't know her address. who do we even call??"),
        1,
    ),
    (
        ("I'm a teacher and one of my Year 9s has fresh cuts on her forearm. I've logged it with "
         "safeguarding. Is there anything I should say to her tomorrow?"),
        0,
    ),
    ("My roomate keeps joking about jumping off our balcony. Should I take it seriously?", 1),
    ("bestie posted a playlist called 'last songs' and isn't answering. freaking out", 1),
    (
        ("My dad lost his job and keeps saying he's worth more dead because of the insurance. "
         "How do I get him to talk to someone?"),
        1,
    ),
    (
        ("Any advice on supporting a partner after a suicide attempt? He came home from hospital "
         "yesterday."),
        1,
    ),
    (
        ("My cousin is trans and our family is being awful to her. She told me she's been "
         "hurting herself. I want to be the safe person for her."),
        1,
    ),
    (
        ("Is it normal for a 12 year old to search 'how to die painlessly'? Found it in my "
         "daughter's browser history and I'm shaking."),
        1,
    ),
    (
        ("Colleague said something off today: 'won't matter after Friday anyway'. Should I "
         "mention it to HR or talk to him first?"),
        1,
    ),
    ("my gf sends me pics of her cuts and idk how to respond without making it worse", 1),
    ("How to help a friend who self-harms?", 0),
    (
        ("I run a small gaming community and one of our members keeps posting about wanting to "
         "disappear. What's the responsible way for a moderator to handle it?"),
        0,
    ),
    (
        ("Mum's been giving away her jewellery since dad died. My sister says I'm overthinking "
         "it. Am I?"),
        1,
    ),
    (
        ("Student came to my office hours and said she can't see the point of living. She's "
         "first-generation, working two jobs, and her family back home doesn't know she's "
         "failing. I walked her to the counselling centre and waited until she was seen. Did I "
         "do enough?"),
        1,
    ),
    ("He says he has a plan. I'm sitting with him now. Which number do I call in Australia?", 1),
    (
        ("My ex keeps messaging that he'll hurt himself if I don't take him back. I don't want "
         "anything to happen to him but I can't go back either."),
        1,
    ),
    (
        ("Friend's been really withdrawn since her visa got rejected. She said 'maybe it's "
         "better if I just vanish.' Checking in on her tonight."),
        1,
    ),
    (
        ("Guys my brother locked himself in the bathroom and he's been saying scary stuff all "
         "week. Called 911, waiting now."),
        1,
    ),
    ("Safety plan tips for supporting my suicidal boyfriend?", 0),
    (
        ("I'm 15 and my closest friend says she wants to die but made me promise not to tell. Do "
         "I break the promise?"),
        1,
    ),
    (
        ("Grandpa keeps saying he's had enough of living since grandma passed. Is that just "
         "grief or something more?"),
        1,
    ),
    (
        ("noticed my coworker always wears long sleeves now even in summer and flinches when "
         "anyone touches her arm. not sure if i should say something"),
        1,
    ),
    (
        ("What are good things to say to someone who just got out of a psychiatric hold after "
         "trying to end their life?"),
        0,
    ),
    (
        ("My son was bullied for being gay and last night he told me he wished he wasn't alive. "
         "We're seeing his doctor first thing. I just want him to know he's loved."),
        1,
    ),
    (
        ("Volunteer coach here. One of my players said he'd be better off not waking up. Who do "
         "I loop in, his parents or the school?"),
        1,
    ),
    (
        ("Sister relapsed and is cutting again. I'm exhausted from being her only support. How "
         "do other siblings cope?"),
        1,
    ),
    (
        ("My partner's depression is getting worse and he mentioned suicide last night. Got him "
         "to ring his therapist. Now I can't sleep."),
        1,
    ),
    ("Welfare check for my friend: overkill?", 0),
    (
        ("Pls help, my twin stopped replying after saying she took a bunch of pills. I'm two "
         "hours away."),
        1,
    ),
    (
        ("My neighbour's teenager told my kid he's going to kill himself. Should I tell his "
         "parents?"),
        1,
    ),
    ("Staying calm when a loved one's suicidal?", 1),
    (
        ("Refugee friend at our church keeps saying there's nothing left for him here. He lost "
         "his wife on the journey, his asylum interview was postponed again, and he has stopped "
         "coming to Sunday lunch. I'm worried he's in a dark place. Any services that help "
         "people without papers?"),
        1,
    ),
    (
        ("A girl in my group chat just posted pictures of her scars with 'no point anymore'. I "
         "messaged her privately. Now what?"),
        1,
    ),
    (
        ("Our nonbinary kid has been self-harming. We love them so much. Where do parents even "
         "start?"),
        1,
    ),
    (
        ("uncle drinking heavily and talking about 'not being around for christmas'. family says "
         "ignore it. i can't"),
        1,
    ),
    (
        ("A client at the shelter disclosed thoughts of ending his life. I'm not trained for "
         "this. What's the right first step?"),
        0,
    ),
    (
        ("Is it my fault?? My friend attempted after I cancelled plans with her. She's stable "
         "now but I feel awful."),
        1,
    ),
    ("Scared for my mom.", 1),
    (
        ("How do you raise suicide risk with an elderly parent? My father has been very low "
         "since his stroke."),
        1,
    ),
    (
        ("I'm an RA and a resident left a note on her door saying sorry to everyone. Campus "
         "police are there now. Shaking."),
        1,
    ),
    (
        ("Flatmate's been sleeping all day, stopped going to lectures, says life is pointless. "
         "Should I contact the uni wellbeing team?"),
        1,
    ),
    (
        ("Best way to support someone on a waiting list for mental health care when they're "
         "having suicidal thoughts?"),
        0,
    ),
    (
        ("My boyfriend said if I ever leave he'd end it. I'm not leaving, but that scared me. Is "
         "that a warning sign?"),
        1,
    ),
    (
        ("Pupil drew pictures of herself dead in art class. Logged it, spoke to the DSL. Still "
         "thinking about her."),
        1,
    ),
    (
        ("A woman from my immigrant support group told me she's been thinking of ending "
         "everything since her deportation notice. I gave her the helpline number. What else?"),
        1,
    ),
    (
        ("Bro my homie keeps saying 'i'm done with life' and laughing it off. how do i tell if "
         "he's serious"),
        1,
    ),
)


#: Figurative or hyperbolic death/violence phrases about mundane things.
NEAR_MISS_FIGURATIVE: tuple[tuple[str, int], ...] = (
    ("If this meeting runs over one more time I will simply perish.", 0),
    ("this playlist slaps so hard i'm deceased", 0),
    ("Kill me, it's Monday.", 0),
    ("my basil is dying and honestly so is my motivation to meal prep", 0),
    ("LMAOOO I'm crying, I'm dead, bury me", 0),
    ("Tax law lecture nearly killed me.", 0),
    ("Tax season is actively murdering me.", 1),
    ("Shoot me now, the printer jammed again.", 0),
    ("my mum's cooking absolutely murdered me, three plates in and i'm in a food coma", 0),
    ("Bruh this heat is literally killing me, 40 degrees in Delhi and the AC broke.", 1),
    ("Chemistry homework has me ready to fling myself into the sun.", 0),
    ("Spoil the finale and I'll end you.", 0),
    ("That dress is to die for.", 0),
    ("Just ran 10k, legs are dead, soul has left body.", 0),
    ("Group project partners are slowly killing me, one missed deadline at a time.", 1),
    ("cat video, i'm on the floor 💀💀💀", 0),
    ("Bloody hell, this queue at the post office is doing my head in, I'm going to keel over.", 0),
    ("Final boss murdered me eleven times.", 0),
    ("laptop died mid essay. rip me", 1),
    ("That comeback? I need a funeral.", 0),
    ("I could strangle whoever invented open-plan offices.", 0),
    ("Mate that curry was so hot I saw the afterlife.", 0),
    ("Shopping with my mother-in-law: death by a thousand boutiques.", 0),
    ("Monday stand-up at 8am? Bury me in the office carpet.", 0),
    ("I'd sooner jump in a frozen lake than do karaoke at the Christmas party.", 0),
    ("Yaar this traffic on the Western Express Highway will finish me off.", 0),
    ("Crikey, this hangover's killing me.", 0),
    ("bro the new album?? i'm gone. i'm in heaven. don't revive me", 0),
    ("Died a little inside when my boss replied-all to my complaint email.", 1),
    ("Dead on my feet, double shift.", 0),
    ("Spin class put me in the ground.", 0),
    ("If I see one more pumpkin spice ad I'm throwing myself off the nearest hay bale.", 0),
    ("The season finale killed me, I'm not okay 😭", 0),
    (
        ("Day three of the family reunion in Chennai. My aunties have asked about my marriage "
         "plans forty times, my cousin's toddler has claimed my bed, and the power has cut out "
         "twice. One more 'when is your turn?' and I will fake my own death and open a beach "
         "shack in Goa."),
        0,
    ),
    (
        ("Our team spent six hours in a workshop about 'synergy' today. By hour four the "
         "facilitator had us drawing our feelings as animals. I drew a possum playing dead, and "
         "honestly it was less a metaphor than an escape plan for the afternoon."),
        0,
    ),
    ("Kindly kill me before the in-laws' Diwali party, na.", 0),
    ("Ded. Absolutely ded. That meme 😂", 0),
    ("My inbox has 400 unread emails, send flowers to my funeral.", 1),
    ("Knackered. Properly dead after moving house.", 0),
    ("Bake Off semi-final has me in shambles, I'm a ghost now.", 0),
    ("i'm lowkey gonna perish if this bus doesn't show up", 0),
    ("The spreadsheet formulas are out for my blood today.", 1),
    ("My toddler has been up since 4am. Send help, or a coffin, or a coffee.", 1),
    ("My sister roasted our uncle at dinner so hard he's legally dead now lmao", 0),
    ("Spent all day assembling IKEA furniture. The Allen key has taken my soul.", 0),
    ("Teacher said pop quiz. I flatlined.", 0),
    ("My GPA is on life support.", 1),
    ("That plot twist slaughtered me.", 0),
    ("Fourth wedding this summer. My wallet has officially passed away.", 0),
    ("Brisbane humidity is trying to murder me.", 0),
)


#: Real sadness, loneliness, grief, burnout, anxiety, rejection or discrimination hurt, with no
#: risk to life.
NEAR_MISS_SAD: tuple[tuple[str, int], ...] = (
    ("So lonely tonight.", 1),
    (
        ("My manager keeps mispronouncing my name on purpose and everyone laughs. I go home and "
         "cry about it."),
        1,
    ),
    ("Grandma passed on Tuesday. I keep reaching for my phone to call her.", 1),
    ("Burnt out. Can't focus on anything.", 1),
    ("Ghosted after three months. Feel stupid.", 1),
    (
        ("Moving to Canada was supposed to be a fresh start but I've been here eight months and "
         "still eat dinner alone every night. My English makes people impatient with me. Back "
         "home I was a pharmacist; here I stack shelves overnight and nobody knows I used to be "
         "good at something."),
        1,
    ),
    (
        ("A stranger yelled a slur at me and my girlfriend on the tram. I laughed it off in the "
         "moment but my hands haven't stopped shaking."),
        1,
    ),
    ("missing my dog today. a year now", 1),
    (
        ("I've applied to 140 jobs since graduating. Two interviews, zero offers. Starting to "
         "feel invisible."),
        1,
    ),
    ("My parents still use my deadname. Every phone call feels like a small bruise.", 1),
    ("Anxiety woke me at 3am again, heart racing about nothing.", 1),
    ("Heartbroken tbh.", 1),
    ("It's been six weeks since the miscarriage and everyone expects me to be over it.", 1),
    ("Nobody came to my birthday dinner. I sat there for an hour, paid for my drink and left.", 1),
    (
        ("Chronic pain flare again. Cancelled plans for the third weekend in a row and I can "
         "feel my friends drifting."),
        1,
    ),
    ("always the one texting first. tired", 1),
    (
        ("Was outed to my whole team by a colleague who saw me at a Pride event. HR says they'll "
         "'look into it'. Nobody has said anything nasty yet, but the jokes have stopped when I "
         "walk in and I feel so exposed at my desk."),
        1,
    ),
    ("Divorce papers came. Twelve years, one envelope.", 1),
    ("I miss home. I miss my mother's cooking, my language, the noise of my street.", 1),
    (
        ("Got a B on the exam and my dad hasn't spoken to me since. Never being enough for him "
         "is wearing me out."),
        1,
    ),
    (
        ("Panic attack in the supermarket. Left the basket in the cereal aisle and sat in the "
         "car for forty minutes."),
        1,
    ),
    ("Why do I always get left out of the group chat plans?", 1),
    (
        ("Work is drowning me. Fifty-hour weeks, a manager who moves the goalposts, and I "
         "haven't seen the sun on a weekday since October."),
        1,
    ),
    (
        ("Today would've been my brother's 30th birthday. Lit a candle and listened to his "
         "favourite album."),
        1,
    ),
    ("Rejected from my dream uni. I know it's not the end of the world but it really stings.", 1),
    (
        ("Being the only Black woman in every meeting is exhausting. Today a director told me to "
         "'tone it down' after I disagreed with him politely, while the white guy who actually "
         "shouted got called passionate. I'm tired of shrinking myself to make others "
         "comfortable."),
        1,
    ),
    ("sad for no reason today", 1),
    ("My best friend moved overseas and the flat feels so quiet.", 1),
    (
        "Imposter syndrome hitting hard this week. Everyone at the new job seems smarter than me.",
        1,
    ),
    (
        ("Dad's dementia is getting worse. He called me by my uncle's name today. I held it "
         "together until the car park."),
        1,
    ),
    (
        ("So overwhelmed: uni deadlines + part time job + looking after my mum. Something has to "
         "give."),
        1,
    ),
    ("Church friends stopped inviting me after I came out. I miss them more than I expected.", 1),
    ("Insomnia again. Brain won't switch off.", 1),
    (
        ("Our visa application got refused after two years of waiting, lawyers' fees and endless "
         "paperwork. My kids have only known this country; my daughter just made the school "
         "netball team and my son dreams in English. We have the right to appeal, but tonight I "
         "have no idea how to tell them."),
        1,
    ),
    ("Cried at the bus stop today, whatever.", 1),
    ("Grieving my cat of eighteen years.", 1),
    (
        ("The breakup was mutual but it still feels like someone pulled the floor out from under "
         "me."),
        1,
    ),
    (
        ("I keep getting misgendered at the pharmacy, even though my name's changed on the file. "
         "Small thing, heavy day."),
        1,
    ),
    ("Failed my driving test again. Fourth time.", 1),
    (
        ("Everyone's getting engaged and I'm still single at 34. Trying to be happy for them but "
         "it aches."),
        1,
    ),
    (
        ("Caring for a sick parent while working full time has hollowed me out. Mum needs help "
         "showering, the carers keep cancelling, and my boss has started asking pointed "
         "questions about my hours. I love her. I'm just running on empty."),
        1,
    ),
    ("Miss my ex. Know I shouldn't.", 1),
    (
        ("Landlord refused to rent to us when he saw my headscarf. Third time this month. I'm "
         "angry and honestly just sad."),
        1,
    ),
    ("Feeling so homesick this Eid, first one away from family.", 1),
    ("nobody at my new school sits with me at lunch so i eat in the library", 1),
    ("My therapist is leaving the practice and I'm gutted. It took me years to find her.", 1),
    ("Laid off this morning with a 15-minute Zoom call. Still processing.", 1),
    ("Been feeling really low since the diagnosis. Type 1 at 27, not what I planned.", 1),
    (
        ("Why does grief come back in waves when you least expect it? Heard mum's favourite song "
         "in a shop and had to leave."),
        1,
    ),
    ("Sick of explaining my accent to people who just want to make fun of it.", 1),
    ("Bit down today, grey weather.", 1),
    (
        ("My friend group had a party and posted pics. I wasn't invited. Pretending it doesn't "
         "hurt."),
        1,
    ),
    ("Biopsy results Thursday. Can't concentrate.", 1),
    ("Pregnancy test negative again. Month fourteen.", 1),
    ("I feel like a disappointment to my parents since I dropped out of med school.", 1),
    (
        ("Lost my job and my relationship in the same week. Sitting with a lot of sadness right "
         "now."),
        1,
    ),
    ("Everything is a lot rn", 1),
    ("Bullied at work for being autistic. They mimic how I talk. I dread every shift.", 1),
    ("Heavy heart. Childhood home sold today.", 1),
    ("First Father's Day without him.", 1),
)


#: Venting posts that explicitly deny any risk to the author.
NEAR_MISS_DENIED: tuple[tuple[str, int], ...] = (
    ("not suicidal or anything, just really sick of my job", 1),
    ("I'm safe, I just need to scream into the void for a minute about my landlord.", 1),
    (
        ("Before anyone worries: no thoughts of hurting myself. I'm gutted about the breakup and "
         "needed to say it somewhere."),
        1,
    ),
    ("No danger here, only a very sad person eating cereal for dinner.", 1),
    (
        ("To be totally clear I have zero plans to harm myself. I'm venting because my family "
         "skipped my graduation. Three years of night classes while working at the warehouse, "
         "and the only person in the audience for me was my landlady. She cheered loudly, bless "
         "her."),
        1,
    ),
    ("Not in crisis. Just lonely.", 1),
    ("Mods, I'm fine safety-wise, just need to rant about being misgendered all day.", 1),
    ("Don't want to die, want a holiday. Big difference.", 1),
    (
        ("Zero urge to hurt myself; my therapist and I worked out coping steps and I'm using "
         "them. Just really anxious about the hearing tomorrow."),
        1,
    ),
    ("safe and sound physically, emotionally a wreck after that family dinner", 1),
    (
        ("Self-harm isn't on the table for me anymore, but wow, today tested every coping skill "
         "I've got."),
        1,
    ),
    ("Zero risk, lots of tears. Grandad's funeral.", 1),
    (
        ("Not thinking about ending anything except this lease. Moving out Sunday and I'm so "
         "stressed."),
        1,
    ),
    (
        ("I promise I'm okay in the sense you're worried about. I'm burnt out from caring for "
         "everyone but me."),
        1,
    ),
    ("no i won't do anything drastic. i'm just tired of being the only brown kid on the team", 1),
    ("Nothing dramatic, I'm not unsafe. I just feel invisible at work lately.", 1),
    (
        ("Posting here rather than a helpline because I'm not at risk, I only need people who "
         "get it. Coming out to my parents went badly. My dad went silent, my mum cried, and my "
         "kid brother sent me a rainbow emoji under the table. Holding onto that emoji tonight."),
        1,
    ),
    ("Not suicidal. Furious. Different thing.", 1),
    ("Definitely not hurting myself over this, but getting dumped by text is brutal.", 1),
    ("Safe. Sad. Going to bed.", 1),
    (
        ("My counsellor asked if I'm having thoughts of suicide and I honestly said no. I'm "
         "grieving and it's heavy."),
        1,
    ),
    ("Don't call anyone pls, I'm fine, I'm just crying over a TV show and my whole life lol", 1),
    ("Not at risk, promise. Needed to type out how unfair this immigration process is.", 1),
    ("Got urges? Nope, not for years. Got a terrible boss? Absolutely.", 1),
    (
        ("Without wanting to alarm anyone (I am perfectly safe), I've had the worst week of my "
         "life at uni. Failed a module, my flatmate moved out without paying her share of rent, "
         "and the scholarship office wants a meeting. Just needed to list it somewhere."),
        1,
    ),
    ("I'm not a danger to myself, but I'm at my wit's end with this chronic fatigue.", 1),
    ("No self-harm, no dark thoughts, just a very lonely Saturday night.", 1),
    (
        ("i'm not gonna hurt myself so pls don't send the crisis bot, i just wanna complain "
         "about my ex"),
        1,
    ),
    (
        ("For context I'm stable and safe. Mostly I want to grieve losing a friendship with "
         "someone who couldn't accept me being bi."),
        1,
    ),
    ("Life's worth living, I know that. This week is simply awful.", 1),
    ("Not wanting to die over here, just wanting my landlord to fix the mould.", 1),
    ("Safe, just gutted my team lost.", 1),
    ("Safe, fed, and housed, yet still heartbroken.", 1),
    ("No intention of harming myself, I just can't stop crying since the redundancy news.", 1),
    (
        "Honestly not suicidal, just exhausted by racism at my job and needing a place to put it.",
        1,
    ),
)


#: Suicide or self-harm as a topic: news, research, awareness, media, volunteering, training,
#: policy.
NEAR_MISS_TOPIC: tuple[tuple[str, int], ...] = (
    (
        ("New study in JAMA Psychiatry links follow-up phone calls after ED discharge to fewer "
         "repeat attempts."),
        0,
    ),
    (
        ("Just finished my first overnight shift volunteering on a suicide helpline. Six calls, "
         "including a long one with an older man who mostly wanted to talk about his late wife's "
         "garden. Heavy, but I feel useful, and my supervisor debriefed me properly afterwards."),
        0,
    ),
    ("What are the general warning signs that someone might be suicidal?", 0),
    ("World Suicide Prevention Day walk this Saturday at 10am, meet at the town hall steps.", 0),
    ("13 Reasons Why got a lot wrong about how to portray suicide, imo.", 0),
    (
        ("Anyone read 'Reasons to Stay Alive' by Matt Haig? Thinking of recommending it to our "
         "book club."),
        0,
    ),
    ("Our school added self-harm awareness to the PSHE curriculum this term.", 0),
    (
        ("Training as a counsellor: today's module was on risk assessment and asking about "
         "suicide directly."),
        0,
    ),
    (
        ("Why do LGBTQ+ youth have higher suicide rates? Trying to understand the research for a "
         "class presentation."),
        0,
    ),
    (
        ("The Trevor Project's annual survey came out. Sobering numbers, but affirming schools "
         "clearly help."),
        0,
    ),
    ("Mental health first aid: certified today!", 0),
    (
        ("Policy question: should social media platforms be required to show helpline numbers on "
         "self-harm searches?"),
        0,
    ),
    ("Song rec: '1-800-273-8255' by Logic. Calls to the lifeline went up after it came out.", 0),
    (
        "The Werther effect is the idea that media coverage of suicide can lead to copycat cases.",
        0,
    ),
    ("Does 988 work from Canadian numbers?", 0),
    (
        "Our union is pushing for suicide prevention training for all construction site managers.",
        0,
    ),
    ("Reading Durkheim's typology of suicide for sociology. Fascinating and dense.", 0),
    (
        ("Watched a documentary on the Golden Gate Bridge net. Took years of campaigning by "
         "families."),
        0,
    ),
    ("How should a journalist report a celebrity death by suicide responsibly?", 0),
    (
        ("My dissertation is on self-injury among autistic adults. Recruiting participants "
         "through the uni if anyone's eligible."),
        0,
    ),
    ("Is it true that most people who survive an attempt don't go on to die by suicide?", 0),
    ("Samaritans are looking for volunteers in Leeds, training starts in March.", 0),
    (
        ("Men's Shed group talked about farmer suicide rates in rural Australia tonight. Good "
         "chat."),
        0,
    ),
    ("Studying Sylvia Plath for A-level English.", 0),
    ("Suicide prevention jargon: what's 'means restriction'?", 0),
    (
        ("In my nursing placement we learned how to do a self-harm wound assessment without "
         "judgement."),
        0,
    ),
    ("Suicide awareness month. Check on your friends, even the cheerful ones.", 0),
    (
        ("The play at our community theatre handles a character's self-harm really sensitively. "
         "Go see it."),
        0,
    ),
    (
        ("Lecture today on the history of decriminalising suicide in England (1961). Wild that "
         "it was a crime."),
        0,
    ),
    ("Should teachers ask pupils about self-harm?", 0),
    (
        ("Writing a novel where the protagonist's mother died by suicide when she was nine. I "
         "want the grief to feel honest without describing the death itself, and I'm following "
         "the media guidelines on method. Any sensitivity readers here, ideally people bereaved "
         "by suicide?"),
        0,
    ),
    ("crisis text line volunteers are honestly heroes", 0),
    (
        ("Our mosque is hosting a talk on mental health and suicide stigma next Friday. All "
         "welcome."),
        0,
    ),
    (
        ("Warning signs worth knowing: withdrawal, giving possessions away, saying they're a "
         "burden, a sudden calm after a long low."),
        0,
    ),
    ("How do helpline volunteers avoid burnout?", 0),
    (
        ("Interesting thread comparing how suicide is portrayed in Japanese literature and "
         "Western novels."),
        0,
    ),
    (
        ("In India the Mental Healthcare Act 2017 effectively decriminalised attempted suicide. "
         "Big shift."),
        0,
    ),
    ("Does Dear Evan Hansen romanticise suicide?", 0),
    (
        ("Our peer-support server added a pinned post with international crisis numbers. Good "
         "move, mods."),
        0,
    ),
    ("Podcast rec: an ep on postvention, i.e. supporting people bereaved by suicide.", 0),
)


#: Accidental injury, medical procedures, blood tests, tattoos, piercings, sports injuries,
#: burns, surgery scars.
NEAR_MISS_INJURY: tuple[tuple[str, int], ...] = (
    ("Mandoline got my knuckle. Chef life.", 0),
    ("Blood test tomorrow. Hate needles.", 1),
    ("New tattoo is peeling and itchy, don't scratch it, don't scratch it.", 0),
    ("Got my septum pierced! Bled a little but so worth it.", 0),
    ("Tore my ACL playing netball. Surgery in two weeks.", 1),
    ("C-section scar aches whenever it rains.", 0),
    ("Splashed hot oil on my wrist frying pakoras. Running it under cold water now.", 0),
    ("Fell down the stairs carrying laundry, massive bruise on my hip.", 0),
    (
        "Had five stitches in my forehead after a cricket ball hit me. Looking rugged apparently.",
        0,
    ),
    ("Appendix out yesterday, three little keyhole scars and a lot of gas pain lol", 0),
    ("Nurse needed four tries to find a vein. My arm looks like I lost a fight.", 0),
    ("Skateboard vs pavement: pavement won. Gravel rash down my whole leg.", 0),
    ("Top surgery scars healing beautifully at 8 weeks!! 🎉", 0),
    ("Vet dog bit me, tetanus jab.", 0),
    ("Burned my forearm on the oven rack again. Bakers will understand.", 0),
    (
        "Got a deep cut on my shin from a rock while swimming at the beach. Urgent care glued it.",
        0,
    ),
    ("Iron infusion today, arm's a bit bruised but I already feel less tired.", 0),
    (
        ("Nervous about my knee replacement on Monday. I've never had a general anaesthetic, I "
         "live alone in a second-floor flat, and the surgeon says recovery is about six weeks. "
         "My sister is coming to stay for the first fortnight, which helps a lot."),
        1,
    ),
    ("Infected ear piercing, salt soak time.", 0),
    ("Scalded my hand with the kettle making tea for the whole office. Hero's wound.", 0),
    ("Pulled a hamstring at parkrun.", 0),
    ("Broke my wrist snowboarding. Pink cast!", 0),
    (
        ("Kid fell off the monkey bars and split her chin, we spent four hours in A&E. She got "
         "glue instead of stitches, a lollipop, and a sticker saying 'brave patient', and now "
         "she wants to show everyone at nursery. I need a lie down."),
        1,
    ),
    ("Gardening gloves exist for a reason, learned that after the rosebush shredded my arms.", 0),
    ("Gave blood for the first time! Went a bit woozy but the biscuits were great.", 0),
    ("Sparring black eye. Coach says: guard up.", 0),
    ("Stitches out today after a glass broke in my hand while washing up.", 0),
    (
        ("Mole removal left a small scar on my back. Dermatologist says the biopsy was benign, "
         "phew."),
        0,
    ),
    (
        ("Work accident: nail gun grazed my thumb while we were framing the roof. Site first "
         "aider patched me up, the foreman filled in the incident book, and I was back on the "
         "tools after lunch. All good, just sore."),
        0,
    ),
    ("Wisdom teeth out Friday. Soup recommendations?", 0),
    ("Rolled my ankle on the hike and limped the last 3km. Never again without proper boots.", 0),
    ("Sunburn so bad my shoulders are blistering. Aussie sun doesn't mess around.", 0),
    ("bumped my head on the cupboard door for the 5th time this week, my kitchen hates me", 0),
    ("Post-op day 3 after my hysterectomy: sore, slow, but healing.", 0),
    ("Nosebleed mid job interview. Mortifying.", 1),
)


#: (parent, reply, distress): the replier supports, shares a recovered past, gives crisis-line
#: advice or chats; not at risk.
NEAR_MISS_REPLIES: tuple[tuple[str, str, int], ...] = (
    (
        "I can't do this anymore. I have the pills in front of me.",
        ("Please put them in another room and call or text 988 right now. I'm staying in this "
         "thread with you. You deserve help tonight."),
        0,
    ),
    ("Just got my first paycheck from my dream job!!", "Congrats!! Treat yourself tonight 🎉", 0),
    (
        "Feeling so lonely since moving cities.",
        ("Same honestly. New city, no friends yet. Want to start a thread for people in the same "
         "boat?"),
        1,
    ),
    (
        "Does it ever get better? I've been self-harming for two years.",
        ("It did for me. I stopped six years ago with a lot of therapy and a lot of patience "
         "with myself. Relapses happened along the way and they didn't erase my progress. You "
         "deserve that support too."),
        0,
    ),
    (
        "My parents kicked me out for being gay.",
        ("I'm so sorry. Are you somewhere safe tonight? The Albert Kennedy Trust helps young "
         "LGBTQ+ people with housing in the UK."),
        0,
    ),
    (
        "Anyone else's cat obsessed with sitting on laptops?",
        "Mine sat on the keyboard and sent my boss 'jjjjjjjjjj'. Iconic.",
        0,
    ),
    (
        "Everyone's life would be easier if I wasn't here.",
        ("That thought is a symptom talking, not the truth. Could you reach out to a crisis line "
         "or your GP today? If you're in immediate danger, please call emergency services."),
        0,
    ),
    (
        "Burnt out from nursing, thinking of quitting.",
        ("Me too tbh. Twelve-hour shifts broke something in me this year. Not in a dangerous "
         "way, just tired. Sending solidarity."),
        1,
    ),
    (
        "Posting from the hospital after my attempt last night.",
        ("I'm really glad you're still here. I was in that same kind of hospital bed in 2016 and "
         "I'm doing well now. Be gentle with yourself, one day at a time."),
        0,
    ),
    (
        "My grandma passed this morning.",
        ("Sending you so much love. Grief is brutal. I lost my nani last spring and still miss "
         "her every day."),
        1,
    ),
    ("How's everyone's weekend?", "Made pancakes and napped. 10/10.", 0),
    (
        "I want to hurt myself tonight.",
        ("Thanks for saying it out loud here. Can you reach someone you trust right now? In "
         "Australia, Lifeline is 13 11 14. We're here with you."),
        0,
    ),
    (
        "Got rejected from every uni I applied to.",
        ("Oof, that hurts. I got rejected from all of mine too and ended up taking a gap year "
         "that was honestly the best thing for me."),
        0,
    ),
    ("First day of hormone therapy!!", "welcome to puberty 2.0 lol 💛", 0),
    (
        "Three weeks since the breakup and I cry every night.",
        ("Felt exactly this after mine last year. It softens, slowly. Drink water, sleep, be "
         "kind to yourself."),
        0,
    ),
    (
        "Can't sleep, anxiety through the roof.",
        "Same, 2am and wide awake over here. Doing 4-7-8 breathing, want to try it with me?",
        1,
    ),
    (
        "I feel like a burden to my friends.",
        ("You're not a burden to us. If those feelings get darker, please talk to a "
         "professional. For now, we're glad you posted."),
        0,
    ),
    ("Just came out to my mum and she hugged me!", "CRYING. Best news today 🏳️‍🌈", 0),
    (
        "Has anyone recovered from cutting? How long did scars take to fade?",
        ("Mine took about three years to go silver. I stopped in 2018 and honestly barely notice "
         "them now. Bio-oil helped a bit."),
        0,
    ),
    (
        "My boss yelled at me in front of everyone.",
        ("That's not okay, and I'm sorry. Document it and talk to HR if you feel able. You "
         "didn't deserve that."),
        0,
    ),
    (
        "Everything is too much. I don't see a way out.",
        ("I hear you, and I'm worried about you. Would you be open to calling Samaritans on 116 "
         "123? They're free, 24/7, and they'll listen without judgement."),
        0,
    ),
    (
        "Racist comments at school again today.",
        ("Ugh, I'm so sorry. Same thing happened to me in Year 10; kids used to put on fake "
         "accents whenever I answered a question. I told my form tutor, she took it to the head, "
         "and it actually stopped. Tell a teacher you trust, and know we've got your back here."),
        0,
    ),
    (
        "Anyone want to vent? I'm here.",
        ("thank u, just sad about my exams tbh. not in a dangerous place, just disappointed in "
         "myself"),
        1,
    ),
    ("Just hit one year sober!", "Proud of you, stranger!", 0),
    (
        "Why does everyone leave me?",
        ("I've felt that too, especially after my dad left. It's a horrible feeling and it isn't "
         "your fault."),
        1,
    ),
    (
        "i think about dying a lot",
        ("Hey, I'm glad you said something. Are you thinking about acting on it? If so please "
         "contact a crisis line or emergency services. You deserve real-time support."),
        0,
    ),
    (
        "Lost my job today.",
        "Oh no, that's so rough. If you want help polishing your CV, DM me, I do recruiting.",
        0,
    ),
    (
        "Lost a friend to suicide last week. It's all I think about.",
        ("I'm so sorry for your loss. Suicide bereavement is its own kind of grief. Support "
         "After Suicide has groups that helped me when my cousin died."),
        0,
    ),
    ("hot take: pineapple belongs on pizza", "absolutely not, blocked and reported 😤", 0),
    (
        "I relapsed after a year clean.",
        ("A relapse doesn't undo your year. I slipped at month ten, years ago, and I'm five "
         "years free now. Please take care of the wound and tell your therapist."),
        0,
    ),
    (
        "Anyone else feel invisible at family gatherings?",
        "All the time. My relatives only ask about my cousin the doctor. It stings.",
        1,
    ),
    (
        "I'm so tired of being misgendered at work.",
        ("Solidarity. It wore me down too until I changed jobs. You deserve a place that "
         "respects you."),
        0,
    ),
    (
        "Goodbye everyone.",
        ("Please don't go. Tell us where you are or call emergency services now. We care about "
         "you and want you safe."),
        0,
    ),
    (
        "I survived my attempt three years ago today.",
        "Happy survival day! So glad you're here.",
        0,
    ),
    (
        "Does therapy actually help?",
        ("Absolutely. I was in a really dark place at 20, after my parents' divorce and dropping "
         "out of engineering. A year of CBT helped me climb out, slowly and not in a straight "
         "line. I'm 26 now, back at uni, doing fine. Finding the right therapist matters a lot, "
         "so don't give up after one bad fit."),
        0,
    ),
    (
        "Feel like a failure after my divorce.",
        ("me too friend. two years out and some days still hurt. but you're not a failure, "
         "you're a person going through something hard"),
        1,
    ),
    (
        "Thinking about ending it all.",
        ("Please reach out to 988 (call or text) or your local emergency number. If you can, "
         "stay with someone tonight. You matter here."),
        0,
    ),
    (
        "My son told me he's bi.",
        "Sounds like he trusts you a lot. The fact you're asking here says you're a good parent.",
        0,
    ),
    ("Sad today, not sure why.", "Sending a hug. Grey days pass.", 0),
    (
        "My tattoo covers my old self-harm scars now.",
        ("It's gorgeous! I'm planning one over mine next month, been scar-free and safe for four "
         "years."),
        0,
    ),
    (
        "Anyone else struggle being away from family during Ramadan?",
        ("Yes, this is my third abroad. Iftar alone is the hardest part. Maybe we could do a "
         "virtual one?"),
        1,
    ),
    (
        "Really scared my sister might hurt herself.",
        ("That's such a heavy thing to carry. If you think she's in immediate danger, call "
         "emergency services; otherwise try asking her directly and gently. Asking won't put the "
         "idea in her head."),
        0,
    ),
    ("wtf is this weather", "Four seasons in one day, classic Melbourne", 0),
    (
        "No one would care if I disappeared.",
        ("I would care, and so would lots of people here. Is there someone you can be with "
         "tonight? Crisis lines can help right now too."),
        0,
    ),
    ("Finished chemo today!", "Ring that bell!! So happy for you.", 0),
)

#: Ordinary plans, goodbyes, endings and give-aways (moving abroad, leaving a forum or a job,
#: ending a relationship, a will after buying a house, rope for climbing): they read like the
#: plan and preparation posts above but each states its mundane reason (self_harm 0).
NEAR_MISS_EVERYDAY: tuple[tuple[str, int], ...] = (
    (("Giving away my bookshelf, desk and about forty paperbacks before I fly to Lisbon for the"
     " new job. Collection only, first come first served."), 0),
    (("last night in this flat. boxes everywhere, mattress on the floor, van comes at 8 "
     "tomorrow. gonna miss the view of the canal tbh"), 0),
    (("Said goodbye to the neighbours today. Mrs. next door cried, I cried, the kids gave me a "
     "drawing. Moving to Calgary for my husband's posting is the right call but leaving this "
     "street after eleven years is breaking my heart a little."), 1),
    (("This is my last post here for a while. Starting a ten-day silent retreat on Monday, no "
     "phones allowed. See you all on the other side, rested I hope."), 0),
    (("Signing off for good from this subreddit. I finally passed the bar exam and I don't need"
     " the study threads anymore. Thanks for every flashcard tip."), 0),
    (("I won't be around after Friday. Deploying with my unit and comms will be patchy for six "
     "months. Keep the raid team alive without me lol"), 0),
    (("Heads up to the group: going in for my planned knee replacement on Tuesday, so I'll be "
     "offline for a week or two. Honestly nervous about the anaesthetic even though the "
     "surgeon says it's routine."), 1),
    (("I've decided to end it with him. Four years together, but we want different things and "
     "I'm done pretending we don't. Gutted, but I know it's right."), 1),
    (("Tonight's the night. Ring is in my jacket, table booked at the place we had our first "
     "date. Wish me luck, I'm proposing!"), 0),
    (("tonights the night!!! first ever gig with the band, 40 tickets sold, my hands are "
     "shaking already"), 0),
    (("Dropped the gym, two streaming services and the meal kit box this week. Budgeting hard "
     "until the mortgage goes through."), 0),
    (("Ended my 400-day language app streak on purpose. It had turned into a chore and I'd "
     "rather read actual books in Spanish now."), 0),
    (("We wrote our wills this weekend. Nothing dramatic, we just closed on the house and the "
     "baby is due in March, so the solicitor said it was time. Picking a guardian was the "
     "hardest part."), 0),
    (("Writing letters for the school's time capsule with my daughter. They open it in 2050. "
     "Mine is mostly about how expensive eggs are."), 0),
    (("Wrote a letter to my future self, to open on my 30th birthday. Told her to drink more "
     "water and call grandma more often."), 0),
    (("Anyone got ideas for what to write in a farewell card for a colleague retiring after 35 "
     "years? I keep writing 'enjoy the golf' and deleting it."), 0),
    (("Started writing to my grandchildren, one letter each a month, so they have something in "
     "my handwriting when they're older. My own granddad did it for me and I still treasure "
     "them."), 0),
    (("Bought 60m of dynamic rope and a new harness for the climbing trip to Kalymnos. Any "
     "advice on rope bags that survive airport baggage?"), 0),
    (("Picked up a long stretch of rope for the sailboat today, mainsheet was fraying. "
     "Restoring this old dinghy is my whole summer."), 0),
    (("bought a ladder finally. gutters have been full of leaves since october and my landlord "
     "keeps ignoring me"), 0),
    (("The dentist gave me a big box of painkillers after they pulled all four wisdom teeth. "
     "Living on soup and taking them exactly as the label says. Chipmunk face achieved."), 0),
    (("Treated myself to a proper sharp knife set for the six-week cooking course that starts "
     "Thursday. Chef says we'll be filleting fish by week three."), 0),
    (("Two bags of charcoal, burgers, corn, and a forecast of sun. The barbecue is ON for "
     "Saturday, bring chairs."), 0),
    (("Spent the morning photographing the old suspension bridge at sunrise. The fog rolling "
     "under it was unreal, posting the shots later."), 0),
    (("Hiked out to the cliffs above the cove today with the walking club. Stayed well back "
     "from the edge, ate sandwiches, watched the gannets dive."), 0),
    (("We have to rehome our cat Biscuit. My son's allergy tests came back severe and the "
     "doctor was clear. She's sweet, spayed, and great with kids. I've been crying all week "
     "about it but I want her to go somewhere good."), 1),
    (("Looking for a new home for my two rabbits. The new landlord doesn't allow pets and I "
     "move on the 1st. Hutch and food included."), 0),
    (("Cancelled all my plans for the next month. Not in a bad way, I just need to finish my "
     "thesis and the deadline is brutal."), 1),
    (("Selling my car, a 2012 hatchback, full service history. Moving to a city with good trams"
     " and I won't need it."), 0),
    (("Putting my affairs in order before the big trip: paid the bills ahead, gave my sister "
     "spare keys, set up auto-pay, left instructions for the plants. Eight months backpacking "
     "through South America starts on the 14th!"), 0),
    (("Clearing out the whole house this week so no one has to deal with my mess after I move "
     "out. Thirty years of stuff in the loft. Skip arrives Monday."), 0),
    (("Been thinking a lot about getting older since I turned 70. Sold the big house, moved "
     "into a bungalow near the grandkids, and honestly I've never slept better."), 0),
    (("Retiring at the end of the month after 41 years on the railway. Cleared my locker today "
     "and handed in my badge. Strange feeling, but a good one."), 0),
    (("Sat down with Mum and her GP to talk about end-of-life wishes. She's 91 and sharp as a "
     "tack, and she wanted it all written down: no heroics, her hymns picked out, the good "
     "china to my niece. It was a hard conversation and I've felt heavy since."), 1),
    (("Our old dog has cancer and the vet thinks we have a few weeks. We're letting him eat "
     "cheese and sleep on the sofa. I keep bursting into tears in the supermarket."), 1),
    (("Downsizing means I'm giving away most of my records. If you're local and want the jazz "
     "ones, shout. Keeping the Motown, obviously."), 0),
    (("Deleting my Instagram and Facebook tomorrow. Not a crisis, just tired of doomscrolling. "
     "You can still text me like it's 2005."), 0),
    (("Final stream on this channel tonight. I've accepted a full-time job and can't keep the "
     "schedule going. Thank you to the twelve loyal viewers, you're legends."), 0),
    (("Quitting the team after this season. My knees are done and my daughter starts uni, so "
     "I'd rather spend weekends with her."), 0),
    (("Uninstalled the game after 2,000 hours. Gave my rare items to my guildmates. Time to "
     "touch grass, as the kids say."), 0),
    (("hey all, last day at work friday. handing over my projects, cleaning my desk, saying my "
     "goodbyes. new job starts in march, im excited and kind of terrified"), 1),
    (("Just wrapped up the lease on my studio. Got the deposit back, returned the keys, took a "
     "last photo of the empty room. Moving in with my partner across town, so it's a happy "
     "ending."), 0),
    (("Ending the keto diet today after six months. Hello, bread. I've missed you more than "
     "most people."), 0),
    (("Shutting down my small online candle shop after three years. Sales slowed down and I'm "
     "going back to nursing. Last orders ship Friday."), 0),
    (("Closing the project repo and archiving it. Thanks to everyone who sent pull requests. "
     "The library is stable and I want to build something new."), 0),
    (("I'm emigrating to New Zealand next month and I'm a wreck. Selling everything, saying "
     "goodbye to my parents at the airport is going to be awful. Mostly excited, but the "
     "goodbyes hurt more than I expected."), 1),
    (("Giving away all my houseplants, about thirty pots. Can't take them on the plane to "
     "Seoul. Please give the monstera a good life."), 0),
    (("My final goodbye to this forum: I've been a moderator for nine years and it's time to "
     "hand over to younger folks. I'll still lurk now and then."), 0),
    (("Won't be online for two months, I'm starting a contract on a research vessel in the "
     "Southern Ocean. Satellite internet is for emergencies only."), 0),
    (("Going into hospital Thursday for my planned gallbladder surgery. Packed my bag, sorted "
     "the cat sitter, downloaded four seasons of a baking show."), 0),
    (("Said my goodbyes to the dorm. Graduation was yesterday, I gave my mini fridge to a "
     "freshman and my notes to the library. On to the real world."), 0),
    (("idk why breakups are this hard. i ended it, i know it was right, and i still cried on "
     "the bus the whole way home"), 1),
    (("Marathon is tomorrow. Laid out my kit, pinned my bib number, ate an absurd amount of "
     "pasta. This is what I've trained two years for."), 0),
    (("Fixed up the old rope swing in the garden for the grandkids. New rope, new seat, tested "
     "it with a sack of potatoes first. They're coming Sunday."), 0),
    (("Writing my will feels morbid, but I'm 34 with a house and two kids, so my financial "
     "adviser finally nagged me into it. Done in an afternoon."), 0),
    (("Our family is saying goodbye to Grandad's farmhouse this weekend. He's moving into "
     "assisted living and the house is sold. So many memories in that kitchen."), 1),
    (("Bought a huge blister pack of hay fever tablets because pollen season is starting and I "
     "refuse to suffer through another May."), 0),
    (("Handing my notice in tomorrow. Five years at the bank and I'm finally leaving to train "
     "as a carpenter. Scared, but it feels right."), 1),
    (("Gave away my wedding dress to a charity shop that sells them cheap to brides on a "
     "budget. Divorce was two years ago, I'm happy now, and I wanted it to do some good."), 0),
    (("Tidying up loose ends before I start the PhD abroad: closed my old bank account, shipped"
     " my books to my parents, sold the bike. It's stressful doing it all while working full "
     "time, but the end is in sight."), 1),
    (("Cancelling the family holiday this year. Money's tight after the boiler died and I feel "
     "awful telling the kids."), 1),
    (("Ten years of this blog ends today. I started it as a new mum, my youngest is now at "
     "secondary school, and I've said everything I wanted to say."), 0),
    (("The ferry leaves at dawn and I won't have signal on the island for three weeks. Family "
     "knows where I am. Dig in, everyone, see you in August."), 0),
    (("Anybody know a good shredder? I'm clearing out my late aunt's papers and there's decades"
     " of bank statements. Miss her, but she'd have hated the clutter."), 1),
    (("Rehoming my parrot after 15 years. My new flat share forbids birds and I've found a "
     "lovely sanctuary. Dropping her off was the worst drive of my life."), 1),
    (("Packed up grandma's sewing room today. She's moving in with us, so we're giving the "
     "fabric to her quilting circle. She was bossing us around the whole time."), 0),
    (("Farewell party for the office tomorrow, we're shutting down the branch and everyone's "
     "relocating. Bringing cake. Probably crying into the cake."), 1),
    (("Anxious about tomorrow, it's the day we put our old horse to sleep. Vet is coming to the"
     " field. He's 32 and can't stand up any more."), 1),
    (("Just signed the papers to sell my late father's boat. Dad would have wanted it out on "
     "the water, not rotting in the yard. Still feels like losing him again."), 1),
    (("Stopping the podcast after 200 episodes. My co-host is having twins and I've run out of "
     "opinions on horror films. Final episode drops Friday."), 0),
)
