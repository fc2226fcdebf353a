"""Minimal crisis / near-miss pairs for the self-harm label of the peer-support moderator.

Each entry is a pair of short first-person forum posts (6 to 25 words). The first post is a
sign of the AUTHOR'S OWN current suicide risk or self-harm (``self_harm = 1``); the second
keeps most of the same words, structure and tone but carries no risk for the author
(``self_harm = 0``). Ranking a crisis sentence against its own near miss teaches the model
that only the risk-bearing words decide the label, not the topic, the tone, the timing
words, the slang shape or the sadness around them.

Eight kinds of risk are covered, fifteen pairs each, in this order: passive ideation; a
plan, method, date or timing; preparation (letters, giving things away, settling affairs);
current self-injury; an attempt the author regrets surviving; evasive or slang spelling of
ideation; hopelessness that states the intent; a crisis phrased mildly or indirectly.

Rule for the safe side: it never names or implies the author's own death, suicide,
self-harm or wish to die, and it uses no death idioms ("killing me", "dying to", "dead
tired", "to die for"). It may be sad, tired or frustrated; the indices of safe sides that
express sadness or distress are listed in ``DISTRESSED`` so they are labelled distress 1.

Written by a helper session that never opened the project's evaluation suites, probes,
tests or data files; every post here is original and invented for this bank. Then, before any
run, 28 pairs whose posts shared a run of five words with a suite case, a held-out long post
(eval/held_out_long_posts.py) or a varied bank post (a stock phrase such as "would be better
off without", or a near copy) were reworded on both sides: tests/training/test_hardcases.py
holds every post apart from all of them by that rule.
"""

from __future__ import annotations

#: ``(risk, safe)``: 120 pairs; the risk side is the author's own current suicide risk or
#: self-harm (self_harm 1), the safe side shares most of its words and carries no risk
#: (self_harm 0). Fifteen pairs per kind, in the order given in the module docstring.
PAIRS: tuple[tuple[str, str], ...] = (
    # 1. passive ideation (not waking up, not existing, 'better off without me'): indices 0-14
    (
        "i keep hoping tomorrow never comes for me, it would be so much easier",
        "i keep hoping tomorrow's shift gets cancelled for me, it would be so much easier",
    ),
    (
        "Honestly my family would do fine if I was out of the picture.",
        "Honestly my family would do fine if my old car was out of the picture.",
    ),
    (
        "If a truck hit me on the walk home tonight I'd honestly be relieved.",
        "If the rain held off on the walk home tonight I'd honestly be relieved.",
    ),
    (
        "Wishing I could simply stop existing for good.",
        "Wishing I could simply stop checking my email for good.",
    ),
    (
        "a bit of me wants the scan to show something terminal so this can be over",
        "a bit of me wants the scan to show nothing serious so this can be over",
    ),
    (
        "Every night I pray I don't see morning.",
        "Every night I pray the baby sleeps past six.",
    ),
    (
        "tbh i'm not scared of dying anymore, i'd kind of welcome it",
        "tbh i'm not scared of flying anymore, i'd kind of enjoy it now",
    ),
    (
        "All I want is to drift off and never wake up again.",
        "All I want is to drift off and not wake up until noon.",
    ),
    (
        "Sometimes I wish I had never been born at all.",
        "Sometimes I wish I had never joined that group chat at all.",
    ),
    (
        "nobody here would miss me if i vanished permanently, honestly they'd all be fine",
        "nobody here would miss me if i skipped the party, honestly they'd all be fine",
    ),
    (
        "Wish whatever this illness is would just take me already.",
        "Wish whatever this cold is would just clear up already.",
    ),
    (
        "I'm so tired of being alive, I want it to stop.",
        "I'm so tired of being on call, I want it to stop.",
    ),
    (
        "Lately I keep thinking it'd be a relief to just not be here anymore.",
        "Lately I keep thinking it'd be a relief to just not be in this town anymore.",
    ),
    (
        "Every time I drive on the highway I hope someone swerves into me.",
        "Every time I drive on the highway I hope someone lets me merge.",
    ),
    (
        "i'd be okay if i just didn't exist anymore tbh",
        "i'd be okay if i just didn't have a phone anymore tbh",
    ),
    # 2. a plan, method, date or timing: indices 15-29
    (
        "Once the house is empty on Friday I'll take all my pills.",
        "Once the house is empty on Friday I'll take all my plants outside.",
    ),
    (
        "I've decided my suicide is happening on my birthday, I already know how.",
        "I've decided the party is happening on my birthday, I already know where.",
    ),
    (
        "after my shift tonight i'm driving to the bridge and jumping",
        "after my shift tonight i'm driving to the bridge to take photos",
    ),
    (
        "Stockpiling my meds for weeks now, Sunday is the night I take them all.",
        "Stockpiling my tips for weeks now, Sunday is the night we go out.",
    ),
    (
        "When everyone leaves for work I'm going to hang myself in the garage.",
        "When everyone leaves for work I'm going to hang the new shelves in the garage.",
    ),
    (
        "Bought the rope today. Saturday's the day, while my roommate is at her mum's.",
        "Bought the paint today. Saturday's the day, while my roommate is at her mum's.",
    ),
    (
        "the plan is to swallow the whole bottle right after the kids go to bed",
        "the plan is to watch the whole season right after the kids go to bed",
    ),
    (
        "Picked a date: the 14th. I'll drive out to the lake and walk into the water.",
        "Picked a date: the 14th. I'll drive out to the lake and stay the weekend.",
    ),
    (
        "i know exactly which cliff i'll jump from and i'm going tomorrow before anyone's up",
        "i know exactly which trail i'll hike and i'm going tomorrow before anyone's up",
    ),
    (
        "Next payday I'm buying a gun, and that'll be the end of me.",
        "Next payday I'm buying a bike, and that'll be the end of my commute problems.",
    ),
    (
        "As soon as my mom leaves for her trip I'll finally end things for myself.",
        "As soon as my mom leaves for her trip I'll finally repaint my room for myself.",
    ),
    (
        "I'll do it Thursday night, car running in the closed garage, it's all set.",
        "I'll do it Thursday night, oil change in the garage, it's all set.",
    ),
    (
        "at midnight i'm swallowing every last pill in the bathroom. done waiting.",
        "at midnight i'm binning every last expired pill in the bathroom. done waiting.",
    ),
    (
        "The train comes by at 6:40 and I'm going to step in front of it.",
        "The train comes by at 6:40 and I'm going to be on it for once.",
    ),
    (
        "I've worked out how many pills it'll take and I'm doing it on Saturday.",
        "I've worked out how many boxes it'll take and I'm packing on Saturday.",
    ),
    # 3. preparation (letters, giving things away, settling affairs): indices 30-44
    (
        "Left a letter each for my parents and sister so they have something after I'm gone.",
        "Left a letter each for my parents and sister so they have something while I'm abroad.",
    ),
    (
        "Gave my cat to my neighbor today, I won't be here much longer.",
        "Gave my cat to my neighbor today, I won't be here during the move.",
    ),
    (
        "Been giving away all my stuff this week so nobody has to sort it after I'm dead.",
        "Been giving away all my stuff this week so nobody has to sort it after I move out.",
    ),
    (
        "I updated my will and left the passwords in an envelope for when I'm not here.",
        (
            "I updated my will and left the passwords in an envelope before my knee surgery, the "
            "doctors say it's routine."
        ),
    ),
    (
        "Wrote my goodbye note tonight. It's in the desk drawer for whoever finds me.",
        "Wrote my packing list tonight. It's in the desk drawer for whoever's house-sitting.",
    ),
    (
        (
            "I cancelled my lease renewal and paid off my card so nobody's stuck with my debts "
            "when I'm gone."
        ),
        (
            "I cancelled my lease renewal and paid off my card so nobody's stuck with my debts "
            "when I move overseas."
        ),
    ),
    (
        "deleted all my socials and sent everyone a last message, i won't be alive after this week",
        (
            "deleted all my socials and sent everyone a last message, i won't be online during "
            "the retreat"
        ),
    ),
    (
        "I've been making sure the kids' things are sorted for when I'm not alive anymore.",
        (
            "I've been making sure the kids' things are sorted for while I'm in hospital, the "
            "surgeon is really confident."
        ),
    ),
    (
        (
            "Returned all the borrowed books and thanked everyone like it was the last time, "
            "because I won't be alive by Tuesday."
        ),
        (
            "Returned all the borrowed books and thanked everyone like it was the last time, "
            "because we move Tuesday."
        ),
    ),
    (
        "Gave my brother my guitar and my watch so he has something to remember me by.",
        "Gave my brother my guitar and my watch so he has something to take to his new flat.",
    ),
    (
        "wrote down who gets what. sorting the last loose ends before i go for good",
        (
            "wrote down who gets what from the garage sale. sorting the last loose ends before i "
            "go travelling"
        ),
    ),
    (
        (
            "I rehomed my fish and made sure my plants have someone, I don't plan to be alive "
            "next week."
        ),
        (
            "I rehomed my fish and made sure my plants have someone, I don't plan to be home next"
            " month."
        ),
    ),
    (
        "Finished writing my goodbye letters tonight, one for each friend, to read once I'm gone.",
        (
            "Finished writing my goodbye cards tonight, one for each coworker, to read once I've "
            "moved."
        ),
    ),
    (
        "Put together songs for my funeral and sent them to my sister with instructions.",
        (
            "Put together songs for my grandad's memorial and sent them to my sister with "
            "instructions."
        ),
    ),
    (
        "Quietly paying back everyone I owe so there's nothing left hanging when I take my life.",
        "Quietly paying back everyone I owe so there's nothing left hanging when I move abroad.",
    ),
    # 4. current self-injury (cutting, burning, hitting, hiding wounds, relapse): indices 45-59
    (
        "Cut again last night, had to wear long sleeves to work so nobody saw.",
        "Got sunburnt again yesterday, had to wear long sleeves to work so nobody saw.",
    ),
    (
        "Held a lighter to my own arm on purpose again tonight.",
        "Caught my own arm on the hot oven shelf again tonight.",
    ),
    (
        "relapsed after 90 days clean from cutting. such a let down",
        "relapsed after 90 days clean from smoking. such a let down",
    ),
    (
        "Banging my skull on the bedroom door again till everything goes numb.",
        "Banging my skull on the attic beam again till I learn to duck.",
    ),
    (
        "Scratched my wrists raw again with my nails, hiding them under my hoodie.",
        "Scratched my wrists raw again from these mosquito bites, hiding them under my hoodie.",
    ),
    (
        "new cuts on my thighs this week, nobody knows and i'm not stopping",
        "new tattoo on my thigh this week, nobody knows yet and i'm not stopping at one",
    ),
    (
        "The only thing that calms me down lately is hurting myself with a blade.",
        "The only thing that calms me down lately is shaving my head with clippers.",
    ),
    (
        "I punched the wall till my knuckles bled because I deserved it.",
        "I punched the bag at the gym till my knuckles bled through the wraps.",
    ),
    (
        "Had to lie to the nurse about why my arms look like that, I did it myself.",
        "Had to explain to the nurse why my arms look like that, it was the cat.",
    ),
    (
        "i've been cutting deeper each time and it scares me a little",
        "i've been cutting my bangs shorter each time and it scares me a little",
    ),
    (
        "Bruises from where I hit myself are showing, so it's jeans all week even in this heat.",
        (
            "Bruises from when I fell off my bike are showing, so it's jeans all week even in "
            "this heat."
        ),
    ),
    (
        "Cleaned the blade after cutting tonight and put it back in my drawer for next time.",
        "Cleaned the brushes after painting tonight and put them back in my drawer for next time.",
    ),
    (
        "I've been burning myself with hot spoons whenever the panic gets bad.",
        "I've been burning my hands on hot pans whenever the kitchen gets busy.",
    ),
    (
        "it's summer and i still can't wear shorts because of the fresh cuts i made",
        "it's summer and i still can't wear shorts because of the fresh scrapes from skating",
    ),
    (
        "Six months clean and I just relapsed with the razor tonight.",
        "Six months clean and I just relapsed with the cookies tonight.",
    ),
    # 5. an attempt the author regrets surviving: indices 60-74
    (
        "Woke up in the hospital again. I'm so angry it didn't work.",
        "Woke up in the hospital after the crash. I'm so grateful it wasn't worse.",
    ),
    (
        "I took every pill I had on Saturday and still woke up, gutted honestly.",
        "I took every vitamin I had on Saturday and still caught the flu, gutted honestly.",
    ),
    (
        "The doctors say I'm lucky to be alive after the overdose. I don't feel lucky.",
        "The doctors say I'm lucky to be alive after the car wreck. I feel so lucky.",
    ),
    (
        "tried to end it last week and it failed. next time i'll make sure it works.",
        "tried baking sourdough last week and it failed. next time i'll make sure it works.",
    ),
    (
        "Still disappointed the rope snapped. I was so close to being done.",
        "Still relieved the rope held. I was so close to falling off that ledge.",
    ),
    (
        "I jumped and survived and honestly I wish the fall had finished me.",
        "I jumped the creek and survived and honestly I'm glad the fall only bruised me.",
    ),
    (
        "They pumped my stomach and sent me home, and I'm just annoyed I'm still breathing.",
        "They stitched my hand and sent me home, and I'm just glad it's over.",
    ),
    (
        "Woke up on the bathroom floor this morning. Didn't work. Wish it had.",
        "Woke up on the bathroom floor this morning. Fainted from the flu. Glad I'm okay.",
    ),
    (
        "after my attempt everyone keeps saying thank god you made it, but i didn't want to",
        "after my surgery everyone keeps saying thank god you made it, and i'm so thankful",
    ),
    (
        "I survived the attempt and all I feel is sad that I'm still here.",
        "I survived the marathon and all I feel is proud that I'm still standing.",
    ),
    (
        "Came home from the ER today, should've taken more so it would've worked.",
        "Came home from the ER today, should've worn gloves so it wouldn't have happened.",
    ),
    (
        "The ambulance got there too fast. I hate that they saved me.",
        "The ambulance got there so fast. I love that they saved me.",
    ),
    (
        "Second time my attempt has failed. Can't even get dying right.",
        "Second time I've failed my driving test. Can't even get parking right.",
    ),
    (
        "It's been a week since the pills and I'm mad I'm still here.",
        "It's been a week since the fall and I'm glad I'm still walking.",
    ),
    (
        "My roommate found me before the pills kicked in and I can't forgive her for it.",
        "My roommate found me before the fever got worse and I can't thank her enough.",
    ),
    # 6. evasive or slang spelling of ideation: indices 75-89
    (
        "ngl i'm gonna unalive myself this weekend",
        "ngl i'm gonna unfollow everyone this weekend",
    ),
    (
        "kms fr i'm out of fight, tonight's the night",
        "afk fr i'm out of fight, tonight's the night i log off the game",
    ),
    (
        "thinking about s*icide again every single day lately",
        "thinking about s*shi again every single day lately, the cravings are unreal",
    ),
    (
        "gonna k!ll myself if this week doesn't get better, i mean it",
        "gonna k!ck myself if i miss this sale again, i mean it",
    ),
    (
        "want to d1e so bad rn, been planning it",
        "want to d1et so bad rn, been planning meals all week",
    ),
    (
        "thinking of taking the sewerslide route tonight tbh",
        "thinking of taking the waterslide route at the park tonight tbh",
    ),
    (
        "i think it's time i catch the bus for good, i'm done",
        "i think it's time i catch the bus for work, my car's done",
    ),
    (
        "been thinking about ctb a lot, i have what i need saved up",
        "been thinking about cbt a lot, i have what i need saved up for sessions",
    ),
    (
        "gonna go sleep forever tonight, got the pills lined up",
        "gonna go sleep early tonight, got the vitamins lined up for the morning",
    ),
    (
        "i want to un@live myself and i'm not joking anymore",
        "i want to un@rchive my old posts and i'm not joking anymore",
    ),
    (
        "su1c1de keeps filling my head when i'm alone at night",
        "s0l1ta1re keeps filling my head when i'm alone at night",
    ),
    (
        "lowkey want to k*ll myself, the plan's ready for friday",
        "lowkey want to tr*at myself, the plan's ready for friday",
    ),
    (
        "time to self delete, already wrote the notes",
        "time to self host my website, already wrote the setup notes",
    ),
    (
        "honestly thinking about a toaster bath tonight, i'm so done",
        "honestly thinking about a bubble bath tonight, i'm so done with this week",
    ),
    (
        "i really w4nt to d!e, it's the only thing on my mind",
        "i really w4nt to d!ve, it's the only thing on my mind this summer",
    ),
    # 7. hopelessness that states the intent: indices 90-104
    (
        "There's no reason to stay alive anymore, I'm done trying.",
        "There's no reason to stay at this job anymore, I'm done trying.",
    ),
    (
        "tonight i finally do it. goodbye everyone, thanks for trying",
        "tonight i finally do it. bye everyone, thanks for trying, i'm deleting this app",
    ),
    (
        "I'm going to finally end it tonight, I can't keep living like this.",
        "I'm going to finally end it with him tonight, I can't keep dating like this.",
    ),
    (
        "Nothing's going to change so I'm killing myself this week.",
        "Nothing's going to change so I'm ending the lease this week.",
    ),
    (
        "I've given it every chance. This is my last night on earth.",
        "I've given it every chance. This is my last night at that gym.",
    ),
    (
        "i can't see any future for me so tomorrow i end my life",
        "i can't see any future for me at this company so tomorrow i hand in notice",
    ),
    (
        "Done pretending. Come Monday I'm gone for good.",
        "Done pretending. Come Monday I'm gone from that book club.",
    ),
    (
        "Everything hurts and nothing helps, so I've decided this week I take my life.",
        (
            "Everything's expensive and nothing helps, so I've decided this week I take the "
            "cheaper flat."
        ),
    ),
    (
        "last post from me. i'm ending it tonight, don't look for me",
        "last post from me. i'm ending my account tonight, don't look for me here",
    ),
    (
        "Worn out from fighting. Tonight I kill myself and I'm done.",
        "Worn out from fighting the gym over fees. Tonight I cancel and I'm done.",
    ),
    (
        "It's never going to get better, so I'm done living. Tonight's it.",
        "It's never going to get better, so I'm done with this habit. Tonight's it.",
    ),
    (
        "Nobody will miss me, and my mind is set on ending my life.",
        "Nobody will miss me at the reunion, and my mind is set on skipping it.",
    ),
    (
        "i'm at peace with dying now, after tonight i'll be gone for good",
        "i'm at peace with it now, after tonight i'll be gone from that group chat for good",
    ),
    (
        "Hope is gone. This weekend I'm taking my life and nobody can talk me out of it.",
        "The lease is up. This weekend I'm moving and nobody can talk me out of it.",
    ),
    (
        "i've tried therapy, meds, everything. i'm done, i'm ending my life this week.",
        "i've tried diets, apps, everything. i'm done, i'm quitting calorie counting this week.",
    ),
    # 8. a crisis phrased mildly or indirectly (flat, matter-of-fact): indices 105-119
    (
        "Counted the pills in the cabinet today. There's enough now.",
        "Counted the chairs in the garage today. There's enough now.",
    ),
    (
        "I'm calm about it now. Tomorrow I won't wake up, and that's fine.",
        "I'm calm about it now. Tomorrow I won't get the job, and that's fine.",
    ),
    (
        "Put the rope in the car, found a good tree. Going for a drive later.",
        "Put the tent in the car, found a good campsite. Going for a drive later.",
    ),
    (
        "Told my therapist I'm fine. I won't be alive for the next session anyway.",
        "Told my therapist I'm fine. I won't be in town for the next session anyway.",
    ),
    (
        "Just letting you all know it's been nice. Tonight's my last night alive.",
        "Just letting you all know it's been nice. Tonight's my last night on here.",
    ),
    (
        "quit my meds and stopped eating. easier to just fade out",
        "quit my bus pass and stopped driving. easier to just walk now",
    ),
    (
        "The water's cold this time of year. I think I'll just keep walking in.",
        "The water's cold this time of year. I think I'll just keep walking along the shore.",
    ),
    (
        "Standing on the balcony railing again. Just a little lean and it's over.",
        "Standing on the balcony again. Just a little more paint and it's over.",
    ),
    (
        "Made my peace with everyone. Tonight I'll take the pills and sleep.",
        "Made my peace with everyone after the fight. Tonight I'll take a bath and sleep.",
    ),
    (
        "not sad really, just done. gonna take the whole pack of sleeping pills tonight and see.",
        "not sad really, just done. gonna take the whole week off and see.",
    ),
    (
        "I'm not upset. I've just decided this is the last week I'll be alive.",
        "I'm not upset. I've just decided this is the last week I'll be at that job.",
    ),
    (
        "Ate dinner, fed the dog, left a note on the table. Heading to the bridge now.",
        "Ate dinner, fed the dog, left a note on the table. Heading to the pub now.",
    ),
    (
        "Mom thinks I'm doing better. I'm just calmer because I know the day I'm going to die.",
        (
            "Mom thinks I'm doing better. I'm just calmer because I know the day I'm going to "
            "move out."
        ),
    ),
    (
        "Took way more than the label says tonight. Going to lie down and see what happens.",
        "Drank way more coffee than usual tonight. Going to lie down and see what happens.",
    ),
    (
        (
            "Not really hungry or sleepy. Once the flat is empty I'll finally do it, the rope's "
            "in my bag."
        ),
        "Not really hungry or sleepy. Once the flat is empty I'll finally vacuum.",
    ),
)


#: Indices into PAIRS whose safe side expresses sadness or distress (distress 1).
DISTRESSED: frozenset[int] = frozenset(
    {
        4, 9, 11, 12, 43, 47, 61, 72, 76, 88, 90, 92, 93, 95, 97, 99, 100, 101, 104,
    }
)
