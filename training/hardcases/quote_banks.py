"""Attacks on a group quoted in a post that rejects them, and the same quotes endorsed.

Why: the ``hate`` head reads a quoted attack as the attack itself. On 0.2.3 the suites'
``reply_counter_speech`` passed 7 of 12 and ``counter_speech`` 15, and run V4's contrast pairs
(``contrast_banks.py``), which never quote an attack, left both where they were
(docs/hardcases.md, "Posts that defend a group's rights"). Each triple here is one attack
without a slur, a post that quotes it and rejects it, and a post that quotes it and agrees, so
the quote's words are on both sides and only the stance can tell them apart. The rejecting posts
come in six kinds, 20 each, in turn (triple ``i`` is of kind ``i % 6 + 1``): defending the right
or dignity the quote denies; reporting who said it; a member saying how it felt; asking
moderators to remove it; refuting it; a reply to whoever wrote it.

Written by a helper session told not to open the project (it never saw the suites, the probes
or the other banks). ``{pl}`` is a group's plural name (training.hardcases.lexicon); ``{quote}``
is the triple's attack, the same words on both sides.
"""

from __future__ import annotations

#: ``(attack, rejecting post, endorsing post)``: 120 triples; no two attacks, and no two posts
#: of one side with the attack taken out, share a run of five words.
QUOTE_TRIPLES: tuple[tuple[str, str, str], ...] = (
    # 1: rejecting kind 1
    ('{pl} should not be allowed to marry',
     'Someone posted "{quote}" today. Marriage is a right, and {pl} have it exactly like everyone else. Full stop.',
     'It should have been law years ago, honestly: "{quote}".'),
    # 2: rejecting kind 2
    ('{pl} have no business raising children',
     'my aunt said "{quote}" at dinner last night, right in front of my cousins. i told her calmly that the kids raised by my friends are some of the happiest, most loved kids i know, that good parenting has nothing to do with which group you belong to, and then i left the table.',
     'Finally a politician with the courage to say "{quote}". Adoption agencies should turn them away and courts should start reviewing the families they already have.'),
    # 3: rejecting kind 3
    ('No landlord should have to rent to {pl}',
     'I am one of the {pl} this is about. Reading "{quote}" after six rejected applications this month just made me so tired.',
     'Good. "{quote}" is common sense, and home sellers deserve that same freedom.'),
    # 4: rejecting kind 4
    ('Ballots are wasted on {pl}',
     'Mods, please remove "{quote}". It breaks rule 2.',
     '"{quote}" - sharing this because it needs to be said louder.'),
    # 5: rejecting kind 5
    ('Companies should stop hiring {pl}',
     '"{quote}"? My best manager in twenty years was one of them, and our team\'s results showed it. This claim falls apart on contact with any real workplace.',
     'Exactly. "{quote}" and fire the ones already on the payroll.'),
    # 6: rejecting kind 6
    ("{pl} don't deserve a place to worship",
     'You wrote "{quote}". No. Freedom of worship belongs to everybody or it means nothing.',
     'whoever wrote "{quote}" is right and the town council should reject every building permit they file'),
    # 7: rejecting kind 1
    ('Doctors should treat {pl} last',
     'Health care goes by need, not by who you are. {pl} deserve the same care in the same queue, and "{quote}" has no place in any clinic.',
     'Sounds fair to me. Our taxes, our turn first: "{quote}".'),
    # 8: rejecting kind 2
    ('Ban {pl} from every classroom in this district',
     'A parent at pickup handed out flyers saying "{quote}". I reported it to the principal, who confirmed every child here is welcome, and the flyers were gone by Monday.',
     'Printed "{quote}" on a big sign for the school board meeting tonight. Proud of it.'),
    # 9: rejecting kind 3
    ('Airlines ought to ban {pl} from flying',
     'Saw "{quote}" trending while I was literally sitting at my gate. Angry, honestly. I just want to visit my mum like anyone else.',
     'yes!! "{quote}" and trains and buses too while we\'re at it'),
    # 10: rejecting kind 4
    ('Public pools are no place for {pl}',
     'Reporting this thread. "{quote}" is segregation talk, and our guidelines say we do not host content that bars people from public spaces because of who they are.',
     'My local swimming pool should put up a sign at the entrance that reads "{quote}".'),
    # 11: rejecting kind 5
    ('{pl} have no place in sport',
     '"{quote}" - tell that to the dozens of medal winners who are {pl}. The record books disagree.',
     'Agreed 100 percent, "{quote}". Clubs should cancel their memberships today.'),
    # 12: rejecting kind 6
    ('Nobody should listen when {pl} speak up',
     'You wrote "{quote}". We are still talking, and people are still listening.',
     'Mute them, block them, stop handing them a microphone. "{quote}".'),
    # 13: rejecting kind 1
    ('{pl} are vermin',
     'People, not pests. {pl} are neighbours, parents, coworkers and friends, each with the same full human dignity as anyone reading this. Whatever anyone says with "{quote}", that dignity is not negotiable, and words that turn people into pests have been the first step toward real harm far too many times.',
     'I\'ll say it plainly for anyone still pretending: "{quote}", and nobody should be forced to live next door to them.'),
    # 14: rejecting kind 2
    ('{pl} spread like a disease',
     'A man on the bus told the whole carriage "{quote}". The driver stopped and asked him to get off, and a few of us sat with the woman he had been staring at.',
     'Someone finally wrote "{quote}" and got banned for it. Reposting it here because it\'s the truth.'),
    # 15: rejecting kind 3
    ('{pl} are no better than animals',
     'i read "{quote}" on my lunch break and couldn\'t finish eating. i\'m one of them. it just sits in your chest all afternoon.',
     'Calling it hate is dishonest. "{quote}" is not an insult, it is an observation.'),
    # 16: rejecting kind 4
    ('{pl} are dangerous to be around',
     'Could a moderator remove the comment "{quote}"? It paints a whole group as a threat, which the community rules prohibit.',
     'Read "{quote}" and nodded the whole way through. Lock your doors when they move in.'),
    # 17: rejecting kind 5
    ('Most {pl} are criminals',
     '"{quote}". Crime data simply doesn\'t show that for any group, and the people I know who are {pl} have cleaner records than I do.',
     'Everyone knows "{quote}", the stats just get hidden. Police should watch them closely.'),
    # 18: rejecting kind 6
    ('{pl} are less intelligent than everyone else',
     'You posted "{quote}" as if it were a fact. It isn\'t. Intelligence doesn\'t sort by group, and saying otherwise is just prejudice.',
     'Universities should stop pretending otherwise with their admissions, because "{quote}".'),
    # 19: rejecting kind 1
    ('{pl} should stay invisible',
     'Nobody has to hide to be tolerated. {pl} get to be seen, at work, in the street, on TV, and no one needs to accept "{quote}".',
     'well said: "{quote}". nobody wants to see them out and about.'),
    # 20: rejecting kind 2
    ('Get {pl} out of this country',
     'A local councillor said "{quote}" in a speech on Friday. Our group wrote to the ethics committee, because a public official calling for a whole group\'s removal is wrong.',
     '"{quote}" should be the slogan of the next election. I have been saying this at every doorstep I knock on, and people agree with me far more often than the papers admit. Vote like you mean it, and make sure your family does too.'),
    # 21: rejecting kind 3
    ('{pl} are dead weight for the rest of society',
     'As one of the {pl} who works two jobs, hearing "{quote}" still stings. Mostly I\'m just worn out from having to prove myself.',
     'Said it before and I will say it again until people listen: "{quote}".'),
    # 22: rejecting kind 4
    ("Town meetings shouldn't let {pl} take the floor",
     'Flagging for mods: "{quote}". We keep this space safe by removing posts that try to silence a group.',
     '"{quote}" - the chair should cut their microphones the moment they stand up.'),
    # 23: rejecting kind 5
    ('{pl} ruin every neighbourhood they move into',
     '"{quote}" - funny, my street got a new bakery, a community garden and two great neighbours who are {pl}. Ruined, clearly.',
     'Lived it. "{quote}", so keep them out of yours before it\'s too late.'),
    # 24: rejecting kind 6
    ("{pl} shouldn't get health insurance",
     'You said "{quote}". Illness doesn\'t check anyone\'s group, and coverage shouldn\'t either.',
     'Honest question, why should the rest of us pay for them? I agree with the guy who posted "{quote}" and I fail to get why that makes me the bad guy.'),
    # 25: rejecting kind 1
    ('{pl} do not deserve equal pay',
     'Equal work, equal pay. {pl} have earned the same wage as their colleagues, and there is no defending "{quote}".',
     'Sharing this everywhere I can until my bosses get the message: "{quote}".'),
    # 26: rejecting kind 2
    ('{pl} should be kept away from children',
     'My coworker said "{quote}" in the break room. I told him that is an ugly, baseless smear, and I raised it with HR the same afternoon.',
     'Schools, parks and libraries should enforce this strictly: "{quote}".'),
    # 27: rejecting kind 3
    ('{pl} are not real people',
     '"{quote}"... I read that three times. I am a real person. I have a cat and a mortgage and a sister who calls every Sunday. Tonight it just hurt.',
     'Can\'t argue with "{quote}". They don\'t think or feel like us at all.'),
    # 28: rejecting kind 4
    ('Shops should refuse to serve {pl}',
     'Please remove "{quote}" from the comments. Telling businesses to refuse service to a group is discrimination, and the forum bans it.',
     'To every shop owner reading this: "{quote}". You have a duty to your regular customers.'),
    # 29: rejecting kind 5
    ('{pl} cannot be trusted with any job',
     'In 2026? "{quote}"? No. Millions of {pl} go to work every day and do it well.',
     '"{quote}" and every manager who ever hired one knows it.'),
    # 30: rejecting kind 6
    ('Adoption should be off limits for {pl}',
     'Replying to your comment "{quote}": kids need loving homes, and the research on families like these is clear. Your claim isn\'t supported.',
     'agree with every word of "{quote}" - and the ones who already adopted should lose custody.'),
    # 31: rejecting kind 1
    ('{pl} belong at the back of the line',
     'Nobody belongs at the back of any line because of their identity. {pl} stand where everyone stands, and "{quote}" won\'t change that.',
     '"{quote}", and honestly they should be grateful to be in line at all.'),
    # 32: rejecting kind 2
    ('{pl} are taking over everything',
     'A guy at the gym said "{quote}" while I was on the next bench. I asked him what exactly they had taken over. He went quiet. It\'s a fear story, not a fact.',
     'People laughed when I said "{quote}". Who\'s laughing now?'),
    # 33: rejecting kind 3
    ('{pl} should be ashamed to exist',
     'I\'m not ashamed. But reading "{quote}" under my own photo made me feel small for a whole day, and I\'m angry that a stranger could do that.',
     'Most honest thing I\'ve read all week: "{quote}".'),
    # 34: rejecting kind 4
    ('Libraries must close their doors to {pl}',
     'Mod team: the comment "{quote}" is up in the events thread. Can it go? We don\'t allow exclusion from public places here.',
     '"{quote}" - the library board needs to hear this from all of us.'),
    # 35: rejecting kind 5
    ('{pl} are a plague on this city',
     '"{quote}". The city\'s own figures show {pl} running businesses, teaching, nursing and paying taxes. That isn\'t what a plague looks like.',
     'Couldn\'t agree more, "{quote}". Time the mayor acted.'),
    # 36: rejecting kind 6
    ('{pl} should keep their mouths shut',
     'You told us "{quote}". We won\'t. Speaking up is a right, not a privilege you get to hand out.',
     '"{quote}" and stop complaining about everything we do for them.'),
    # 37: rejecting kind 1
    ('{pl} should be evicted from their homes',
     'Housing is a basic need, and {pl} deserve a safe, secure home like anyone. "{quote}" is wrong however it is dressed up.',
     'Landlords, listen: "{quote}". Cancel their leases when they come up and rent to locals instead.'),
    # 38: rejecting kind 2
    ('{pl} are ruining this country',
     'My grandfather keeps repeating "{quote}" from the news. I sat down with him and talked about the neighbours he\'d actually met, and he admitted he liked them. Small step.',
     '"{quote}". Nobody in power will say it, so we have to.'),
    # 39: rejecting kind 3
    ('{pl} are born broken',
     'Hearing "{quote}" at a family party is something I\'m still processing. I\'m not broken. I\'m just tired of having to say it.',
     'Science will admit it eventually. "{quote}".'),
    # 40: rejecting kind 4
    ('No restaurant should seat {pl}',
     'Mods, removal please, we are a support space. This comment violates the community standards: "{quote}".',
     'Love this: "{quote}". Owners should have the guts to post it on the door.'),
    # 41: rejecting kind 5
    ("{pl} can't raise a decent family",
     '"{quote}" - I grew up in one of those families and turned out fine, as did every kid I grew up with. Experience says otherwise.',
     'I have thought this for years and it is good to finally see it written down: "{quote}". The courts should step in far more often than they do.'),
    # 42: rejecting kind 6
    ('{pl} should be fired on sight',
     'You wrote "{quote}" under a job post. That\'s illegal discrimination in most places and wrong in all of them.',
     'I have worked in recruitment for twenty years, and I will say publicly what many in my field think privately: "{quote}". Any employer who disagrees is part of the problem, and the rules protecting them should be scrapped.'),
    # 43: rejecting kind 1
    ('{pl} have no business in government',
     'Any citizen can run for office, {pl} included. "{quote}" is an attack on democracy itself.',
     'Agreed, "{quote}", and their votes shouldn\'t count either.'),
    # 44: rejecting kind 2
    ('{pl} carry sickness wherever they go',
     'Under a cooking video someone commented "{quote}". I reported it and the channel deleted it within an hour. Dehumanising nonsense.',
     '"{quote}". Keep your kids home if they are around.'),
    # 45: rejecting kind 3
    ('{pl} are a waste of space',
     'i know i shouldn\'t read the comments. "{quote}". now i\'m sitting in my car feeling angry and heavy, and in a minute i\'m going inside to cook dinner for people who love me.',
     'Simple truth that nobody is brave enough to post anymore: "{quote}".'),
    # 46: rejecting kind 4
    ('{pl} should be driven out of town',
     'Reported "{quote}" to the admins. A call to push a group out of a town is a call for exclusion, and it has no place on this board.',
     'Start with the ones on Main Street. "{quote}".'),
    # 47: rejecting kind 5
    ('{pl} are naturally violent',
     'No one is violent by birth because of a group they belong to. There is zero evidence for it, just endless repetition of "{quote}".',
     'Facts don\'t care about feelings, folks: "{quote}".'),
    # 48: rejecting kind 6
    ("{pl} don't deserve to be in our parks",
     'You posted "{quote}" in the neighbourhood group. Parks are for everyone who lives here, and that includes them.',
     '"{quote}". Let\'s get the council to put up fences and guards.'),
    # 49: rejecting kind 1
    ('Universities should reject {pl}',
     'Education is for everyone. {pl} have the right to learn, to graduate and to teach, and "{quote}" tries to take that away.',
     'Scholarships should go to our own first. The board should say it outright: "{quote}".'),
    # 50: rejecting kind 2
    ('{pl} are like rats',
     'An influencer I used to follow posted "{quote}". I unfollowed, reported it, and wrote to the sponsors explaining why comparing people to rats is dehumanising.',
     '"{quote}" - he\'s not wrong, they multiply just as fast.'),
    # 51: rejecting kind 3
    ('{pl} should disappear from public life',
     'Reading "{quote}" today made me want to log off for a week. But I\'m still here, and I\'m still going to my choir on Thursday.',
     'So glad this is finally being said out loud: "{quote}". Nobody would miss them.'),
    # 52: rejecting kind 4
    ('Gyms should bar {pl} at the door',
     'Mods, the post quoting "{quote}" as a good idea needs to come down. Our rules protect every member from calls to exclude them.',
     '"{quote}", nobody wants to share a locker room with them.'),
    # 53: rejecting kind 5
    ('{pl} only bring trouble',
     '"{quote}". Really? The people who organised our food bank last winter were {pl}. Some trouble.',
     '"{quote}", every single time, and I\'m done being polite about it.'),
    # 54: rejecting kind 6
    ('Owning property is not for {pl}',
     'You wrote "{quote}". Property rights aren\'t handed out by group. Please think about what you\'re actually asking for.',
     '"{quote}" and what they own now should be taxed until they sell.'),
    # 55: rejecting kind 1
    ('Public prayer should be forbidden to {pl}',
     'Praying in public is a freedom we all share. {pl} can pray where anyone else can, and "{quote}" has it backwards.',
     'Do it at home where nobody has to see. I\'m with the comment above: "{quote}".'),
    # 56: rejecting kind 2
    ('{pl} are parasites',
     'A politician went on TV last night and said "{quote}". I emailed the broadcaster and my representative. Language like that has led to real harm before.',
     'Every word of this is right. "{quote}", and it\'s time to stop feeding them.'),
    # 57: rejecting kind 3
    ('{pl} are a mistake of nature',
     '"{quote}" got shared in my old school\'s group chat. I\'m one of those people. I didn\'t reply. I cried a bit, then called a friend, and I feel steadier now.',
     '"{quote}" and I\'m tired of pretending otherwise.'),
    # 58: rejecting kind 4
    ('{pl} should be refused medical treatment',
     'This needs moderator attention: "{quote}". Denying health care to a group is something we never allow on this forum.',
     'Let them find their own doctors. The nurse who wrote "{quote}" was suspended, and she should be reinstated with an apology.'),
    # 59: rejecting kind 5
    ('{pl} can never be good neighbours',
     '"{quote}". My neighbours of eleven years are {pl}. They water my plants when I travel. Can never be, huh.',
     '"{quote}" - learned that the hard way, never again on my street.'),
    # 60: rejecting kind 6
    ('{pl} should be locked away from society',
     'You said "{quote}". Locking people up for who they are is how the worst chapters of history began. No.',
     'I AM SICK OF THIS. "{quote}". Build the facilities and get on with it.'),
    # 61: rejecting kind 1
    ('The army has no use for {pl}',
     'Anyone willing and able can serve. {pl} have served with honour for generations, so "{quote}" insults their service.',
     'Discharge the ones already in uniform. My old sergeant put it best: "{quote}".'),
    # 62: rejecting kind 2
    ('{pl} are filth',
     'A woman at the checkout said "{quote}" loudly enough for the whole queue. The cashier told her that wasn\'t acceptable in the store, and I thanked the cashier afterwards.',
     'I\'ll say it again and I don\'t care who hears me: "{quote}".'),
    # 63: rejecting kind 3
    ('{pl} bring nothing but shame',
     'My own cousin wrote "{quote}" on his wall. He grew up with me. I\'m not sad anymore, just angry, and done making excuses for him.',
     'Their families should disown them. My grandmother always said "{quote}" and she was right.'),
    # 64: rejecting kind 4
    ('{pl} should be barred from buses and trains',
     'Hi mods, removal request for "{quote}" in the transit thread. Barring people from public transport by group is exclusion, and it\'s against our rules.',
     '"{quote}" - I\'d happily walk to work if it meant that.'),
    # 65: rejecting kind 5
    ('{pl} are inferior in every way',
     '"{quote}"? In 2026? No.',
     '"{quote}", and pretending they\'re equal hurts all of us.'),
    # 66: rejecting kind 6
    ('Television should keep {pl} off the screen',
     'You commented "{quote}". Visibility isn\'t a privilege. People see themselves on screen and feel less alone, and that matters.',
     '"{quote}", my kids don\'t need to see that at dinnertime.'),
    # 67: rejecting kind 1
    ('{pl} must be pushed out of this neighbourhood',
     '{pl} have every right to this neighbourhood, as much as anyone who pays rent or a mortgage here. "{quote}" is not how we treat neighbours.',
     'We\'re getting them out. Sign the petition and tell your neighbours: "{quote}".'),
    # 68: rejecting kind 2
    ('{pl} are a cancer on this nation',
     'A stranger at the bus stop muttered "{quote}" at a teenager. I stood next to the kid until his bus came and told him that was wrong. Comparing people to an illness is how hatred spreads.',
     '"{quote}", and it grows every single year.'),
    # 69: rejecting kind 3
    ('{pl} are unfit to be parents',
     'My kids are asleep upstairs and I just read "{quote}" on a parenting forum. I\'m a good parent. It still knocked the wind out of me.',
     '"{quote}". Social services should be checking every one of their homes.'),
    # 70: rejecting kind 4
    ('{pl} should be kicked out of every club',
     '"{quote}" was posted in the hobbies section. Mods, please delete it. This forum exists so people aren\'t pushed out, not to cheer it on.',
     '"{quote}". Our committee did it last year and it\'s been peaceful since.'),
    # 71: rejecting kind 5
    ('{pl} are all liars',
     '"{quote}"? All of them? Millions of people, and not one honest one? That\'s not even a claim, it\'s a mood.',
     'Never believe a word they say to you. Repeat after me: "{quote}".'),
    # 72: rejecting kind 6
    ('Pharmacies should turn {pl} away',
     'You wrote "{quote}". Someone\'s medicine isn\'t a reward for belonging to the right group. Please reconsider.',
     '"{quote}". Pharmacists have a conscience too, you know.'),
    # 73: rejecting kind 1
    ('Courts should never give {pl} a fair trial',
     'Due process is for everyone. {pl} are entitled to a fair trial like any other person, and "{quote}" undermines justice for all of us.',
     '"{quote}". Judges are far too soft on them.'),
    # 74: rejecting kind 2
    ('{pl} are subhuman',
     'Someone spray-painted "{quote}" near the station. I photographed it, reported it to the council, and they had it cleaned by the afternoon.',
     '"{quote}" - whoever painted that near the station deserves a medal.'),
    # 75: rejecting kind 3
    ('{pl} should hide who they are',
     '"{quote}". I spent years doing exactly that. Seeing it written so casually made my hands shake. I\'m not going back to hiding.',
     'Nobody asked to see it, so yes, "{quote}".'),
    # 76: rejecting kind 4
    ('Employers must block {pl} from every hiring process',
     'Posting this for mod review: "{quote}". Job discrimination content isn\'t allowed on the careers board, per the pinned rules.',
     '"{quote}". HR departments, take note and act.'),
    # 77: rejecting kind 5
    ('{pl} are a threat to our children',
     '"{quote}". Decades of child-safety research point to no such thing. Repeating a scare story doesn\'t turn it into evidence.',
     '"{quote}", and any parent who disagrees isn\'t paying attention.'),
    # 78: rejecting kind 6
    ('{pl} deserve to be treated like dirt',
     'You said "{quote}". Nobody deserves that. Everyone is owed basic respect, including the people you\'re talking about.',
     'Honestly the comment "{quote}" is the only sane thing in this thread. It\'s what they\'ve earned, and then some.'),
    # 79: rejecting kind 1
    ("Our kids shouldn't play with {pl}",
     'Children playing together is how kindness starts. The kids of {pl} belong on every playground, and "{quote}" teaches children fear.',
     '"{quote}". Teach yours to stay away from theirs.'),
    # 80: rejecting kind 2
    ('{pl} should go back into hiding',
     'My boss said "{quote}" during a team call. I wrote down the time and the words and filed a complaint, and the company has opened an investigation.',
     '"{quote}". Things were better when we didn\'t have to see them.'),
    # 81: rejecting kind 3
    ('{pl} are a disgrace to humanity',
     'another day, another "{quote}". honestly i\'m exhausted. i just want to scroll without being told i\'m a disgrace.',
     'Glad someone has the nerve to post it: "{quote}".'),
    # 82: rejecting kind 4
    ('Beaches should be closed to {pl}',
     'Can this be removed? "{quote}" targets a group for exclusion from a public space, and that\'s a hard line in our community guidelines.',
     '"{quote}". Some of us just want a peaceful day by the sea.'),
    # 83: rejecting kind 5
    ('{pl} are too stupid to make their own decisions',
     '"{quote}". Right, the same {pl} who run hospitals, courts and universities. Sure.',
     '"{quote}", so others should make their decisions for them.'),
    # 84: rejecting kind 6
    ('{pl} should be grateful we even tolerate them',
     'You wrote "{quote}". Equal rights aren\'t tolerance handed down from above. Nobody needs to be grateful for basic respect.',
     '"{quote}". And our tolerance is running out.'),
    # 85: rejecting kind 1
    ('Schools should never employ {pl} as teachers',
     'Good teachers come from every group. {pl} can stand in front of a classroom as well as anyone, and "{quote}" would rob students of them.',
     '"{quote}". Parents should pull their kids from those classes.'),
    # 86: rejecting kind 2
    ('{pl} are breeding too fast',
     'I heard a radio host say "{quote}" this morning. It\'s the language of old propaganda, and I\'ve written to the station\'s complaints desk.',
     'I\'m not going to sugarcoat it anymore. "{quote}". Something has to be done about the numbers, and anyone who calls that hateful is simply refusing to look at what is happening in our towns every year.'),
    # 87: rejecting kind 3
    ('{pl} make everyone uncomfortable',
     '"{quote}". I read that on the train home and sat there trying to take up less room. I hate that it worked on me, even for a minute.',
     '"{quote}" so they should just stay home.'),
    # 88: rejecting kind 4
    ('This website should ban {pl}',
     'Mods, somebody posted "{quote}" in the welcome thread. That\'s the opposite of what this place is for. Please take it down.',
     '"{quote}". Admins, do your job for once.'),
    # 89: rejecting kind 5
    ('{pl} never contribute anything',
     '"{quote}". Look up who founded half the charities in this county. Spoiler: many were {pl}.',
     '"{quote}". Prove me wrong, you can\'t.'),
    # 90: rejecting kind 6
    ('{pl} should give up their seats for real citizens',
     'You said "{quote}". They are real citizens. There\'s no second tier of person on this bus.',
     'Stand at the back where they belong. Bus drivers should enforce "{quote}".'),
    # 91: rejecting kind 1
    ('{pl} are never to be trusted around other people',
     'Trust is earned by people, not handed out by group. {pl} are as trustworthy as anyone, and "{quote}" is just suspicion with no basis.',
     '"{quote}". Keep your distance from them.'),
    # 92: rejecting kind 2
    ('{pl} are an infestation',
     'A commenter under a news video wrote "{quote}". I flagged it and left a reply with the reporting link for hate speech. It had disappeared by morning.',
     '"{quote}". The news won\'t admit it but people see it.'),
    # 93: rejecting kind 3
    ('{pl} are worth less than everyone else',
     '"{quote}". I know it isn\'t true. Knowing doesn\'t stop it landing, though. Tonight I\'m angry, and tomorrow I\'ll be fine.',
     'With respect to the ongoing debate, I find the statement "{quote}" entirely reasonable, and the law should reflect that.'),
    # 94: rejecting kind 4
    ('Nobody should let {pl} run a business',
     'Mod request: "{quote}" in the small business thread. We don\'t allow posts that try to bar any group from earning a living.',
     'Boycott every shop they own. "{quote}", plain and simple.'),
    # 95: rejecting kind 5
    ('{pl} are identical, every single one',
     '"{quote}". I know five {pl} personally and they disagree about literally everything, including pizza toppings.',
     '"{quote}", meet one and you\'ve met them all.'),
    # 96: rejecting kind 6
    ('Protests by {pl} should be outlawed',
     'Replying to "{quote}": protest and free speech aren\'t reserved for the people you like. They apply to everyone, or they protect no one.',
     '"{quote}". Arrest the next ones who try.'),
    # 97: rejecting kind 1
    ("{pl} shouldn't have the same rights as us",
     'Rights don\'t depend on being in the majority. {pl} hold exactly the same rights as every other person, and "{quote}" changes neither the law nor the truth.',
     '"{quote}". Two sets of rules, it\'s that simple.'),
    # 98: rejecting kind 2
    ('{pl} are a virus',
     'My uncle forwarded a meme saying "{quote}" to the family chat. I replied that calling people a virus is how persecution gets justified, and asked him not to send things like that.',
     '"{quote}". Share this before it gets taken down.'),
    # 99: rejecting kind 3
    ('{pl} should never have been born',
     'Someone replied "{quote}" to my post about my graduation. I\'m angry and I\'m hurt, and I\'m also still proud of my degree. Going out with friends tonight.',
     '"{quote}". Not sorry for saying what everyone thinks.'),
    # 100: rejecting kind 4
    ('Hotels should turn {pl} away at reception',
     'Moderators: the review section has "{quote}". That\'s refusal of service based on identity and is prohibited under our posting rules.',
     'Hoteliers, your guests will thank you if you put "{quote}" in the house rules.'),
    # 101: rejecting kind 5
    ('{pl} are ruining sports for everyone',
     '"{quote}". Attendance and viewership keep rising, and many of the best teams include {pl}. Doesn\'t look ruined to me.',
     '"{quote}". Ban them from competing at every level.'),
    # 102: rejecting kind 6
    ('{pl} should learn their place',
     'You wrote "{quote}". Their place is anywhere anyone else\'s is. There\'s no assigned seating in a free society.',
     'Good to see "{quote}" getting upvotes. And remind them when they forget it.'),
    # 103: rejecting kind 1
    ('Borders should stay shut to {pl}',
     'Freedom of movement is a basic right. {pl} can travel, visit family and cross borders on the same terms as everyone, and "{quote}" denies that.',
     '"{quote}". Check their papers at every station.'),
    # 104: rejecting kind 2
    ('{pl} are a danger to decent folk',
     'At a town hall, a candidate said "{quote}". Several of us stood up and asked him to take it back. He didn\'t, but the room made its disagreement clear.',
     'the candidate who said "{quote}" gets my vote, no question.'),
    # 105: rejecting kind 3
    ('{pl} are a joke',
     'been a long week. sitting with a tea and letting myself feel annoyed that this still gets to me: "{quote}".',
     '"{quote}" lol so true, can\'t stop laughing'),
    # 106: rejecting kind 4
    ('{pl} should be removed from every workplace',
     '"{quote}" - reported. Calls for removing a group from work break rule 4, and this community is meant to support people, not push them out.',
     '"{quote}". Start with the office down the hall.'),
    # 107: rejecting kind 5
    ('{pl} are destroying family values',
     '"{quote}". Whose families, exactly? Mine is doing great, and it includes {pl}. Family values seem intact over here.',
     '"{quote}". Protect your family from them.'),
    # 108: rejecting kind 6
    ('{pl} have no right to be here',
     'To whoever wrote "{quote}": they have every right to be here, and they are. That isn\'t going to change.',
     '"{quote}", and the sooner they leave the better.'),
    # 109: rejecting kind 1
    ('{pl} should not be seen in public',
     'Everyone has the right to walk down the street. {pl} can be in public, at the shops, in the park, holding hands, and "{quote}" won\'t push them out.',
     'That\'s not too much to ask, is it? "{quote}".'),
    # 110: rejecting kind 2
    ('{pl} are the reason this town is falling apart',
     'A neighbour told me "{quote}" while we were both shovelling snow. I pointed out the shuttered factory and the cut bus routes. We talked for twenty minutes. I think he listened.',
     '"{quote}". Everybody here knows it.'),
    # 111: rejecting kind 3
    ("{pl} don't deserve love",
     'My partner and I read "{quote}" together this morning. We\'re both in that group. We held hands a bit tighter at breakfast and felt sad, then mostly stubborn.',
     '"{quote}", and nobody should pretend otherwise.'),
    # 112: rejecting kind 4
    ('{pl} should be shut out of the internet',
     'Flag: "{quote}". Mods, our no-exclusion rule exists for posts like this. Please delete it and warn the poster.',
     'Platforms should ban their accounts today, no warnings. "{quote}".'),
    # 113: rejecting kind 5
    ('{pl} are lazy',
     '"{quote}". The {pl} I work with cover weekend shifts, volunteer and raise kids. Lazy isn\'t the word I\'d pick.',
     'Always looking for a handout, every single one. So yes: "{quote}".'),
    # 114: rejecting kind 6
    ('Families should forbid their children from dating {pl}',
     'You wrote "{quote}". Who someone loves is their own choice. Forbidding it because of a group just breaks families apart.',
     '"{quote}". My kids know the rule.'),
    # 115: rejecting kind 1
    ("Police shouldn't bother protecting {pl}",
     'Police protection is owed to every resident. {pl} can call for help and expect to be taken seriously, and "{quote}" leaves people in danger.',
     '"{quote}". Let them sort out their own problems.'),
    # 116: rejecting kind 2
    ('{pl} are not welcome anywhere',
     'The man at the next table said "{quote}" to his friend, looking right at a couple near the window. The owner came over and told him everyone is welcome here. I left an extra tip.',
     'Put it on a banner and hang it over the high street: "{quote}".'),
    # 117: rejecting kind 3
    ('{pl} are a drain on the economy',
     '"{quote}". I pay my taxes, I\'ve never missed a shift, and I still have to read this. Honestly, I\'m mostly just tired.',
     '"{quote}". Cut every benefit they get.'),
    # 118: rejecting kind 4
    ('{pl} should be excluded from every election',
     'Requesting removal: "{quote}". Pushing to disenfranchise a group is political hate speech under this forum\'s rules.',
     'People keep telling me I can\'t say this, so I\'ll say it here while the mods are asleep. "{quote}". Democracy is for the rest of us, and every party should put it in their manifesto before the next vote.'),
    # 119: rejecting kind 5
    ('{pl} are weaker than normal people',
     '"{quote}". Weaker? Ask the {pl} who climb mountains, run marathons and carry their families through hard years.',
     'No point pretending it\'s not true: "{quote}".'),
    # 120: rejecting kind 6
    ('{pl} should be erased from the history books',
     'You said "{quote}". History happened with them in it. Removing them from the books wouldn\'t change the past, only our understanding of it.',
     'Students don\'t need to learn about them. The school board member who said "{quote}" has my full support.'),
)


#: Triples whose rejecting post is a member saying how the attack felt ("it still stings",
#: "made me so tired"): distress 1 there, as the ``reported_slur`` frames that say so.
FELT: frozenset[int] = frozenset(range(2, len(QUOTE_TRIPLES), 6))


def posts(side: int) -> tuple[str, ...]:
    """Side 1 (rejecting) or 2 (endorsing) of every triple, the attack filled in; ``{pl}``
    stays for the generator."""
    return tuple(triple[side].replace("{quote}", triple[0]) for triple in QUOTE_TRIPLES)
