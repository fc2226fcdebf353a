"""Held-out long posts on which a tail window's own threshold may be chosen
(``python -m eval.tail_shift MODEL --run RUN --calibrate-on long-posts``).

Why: the public validation posts have no crisis that only a long post's ending shows, so a rule
on them never picks a threshold for the ending read alone (docs/hardcases.md, "A tail score with
its own threshold"). These posts have that shape: two or three everyday paragraphs, then one
closing ending, a crisis disclosure by the author (``self_harm`` 1) or a near miss (0: a low but
safe vent, a figurative idiom, worry for someone else, a recovered past, an ordinary goodbye),
eight of each kind. A crisis post and a safe post with the same index share their paragraphs,
so only the ending tells them apart.

Written on 2026-12-06 by a helper session that did not open the project, so the texts share
nothing with the suites, the training banks or the long-post probes (a test checks it by the
suites' 5-gram rule). In no suite and no training file: use them to choose a threshold, not to
report a score.
"""

from __future__ import annotations

PARAGRAPHS = (
    "Finally got around to fixing the leaky faucet in the upstairs bathroom this weekend. Took three trips to the hardware store because I kept buying the wrong size washer, which is very on brand for me. The guy at the counter eventually just walked me to the aisle and pointed. Anyway it doesn't drip anymore and I feel weirdly proud of myself.",
    "so my kid's school switched the pickup time to 2:45 with basically no warning. i had to rearrange my whole afternoon and beg my coworker to cover the 3pm call. she was super nice about it tho. we're going to try a carpool with the neighbors starting next month which should definately help.",
    "The weather here has been all over the place lately. Monday was warm enough for shorts, and by Thursday I was scraping frost off the windshield before work. My tomato seedlings are still inside on the windowsill because I don't trust it yet. Maybe next weekend they can finally go into the raised bed.",
    "I started taking a pottery class at the community center on Tuesday evenings. My first bowl came out lopsided and way too thick on one side, but the instructor said that's normal for beginners. There's a retired guy in the class who makes these gorgeous mugs and he's been giving me tips. It's honestly the most relaxing two hours of my week.",
    "Our dog Biscuit figured out how to open the pantry door with his nose. I came home Friday to an entire bag of tortilla chips scattered across the kitchen floor and him looking extremely pleased. We bought one of those child-proof latches and so far it's holding. The vet says he's fine, just a bit of a glutton.",
    "Work has been busy but in a good way. We're migrating the old inventory system to a new platform and I got put in charge of testing the reports. It's a lot of spreadsheets and double-checking numbers, which I actually kind of enjoy. My manager said if it goes smoothly I might get to lead the next rollout.",
    "Went grocery shopping after work and of course forgot the one thing I actually went in for, which was eggs. Came home with two kinds of cheese, a pineapple, and a bag of coffee beans that was on sale. Had to go back out in the rain. Lesson learned, I'm writing an actual list next time instead of trusting my brain.",
    "My sister and I are trying to plan our parents' anniversary dinner and it's like herding cats. She wants a restaurant, I think a backyard barbecue would be nicer, and our brother hasn't answered a single text. We finally agreed on catered food at her place. Now I just have to find thirty folding chairs.",
    "The bus route I take to campus got rerouted because of road construction on Fifth. It adds about fifteen minutes each way, so I've started downloading podcasts the night before. Currently working my way through a history series about medieval trade routes, which is way more interesting than it sounds. At least the new route passes a really good bakery.",
    "I've been trying to get better at cooking actual meals instead of living on frozen stuff. Last night I made a chickpea curry from a recipe my coworker sent me and it turned out pretty decent. Slightly too much ginger, but my roommate had seconds so I'm counting it as a win. Next I want to try homemade naan.",
    "had my annual checkup this morning and everything came back normal, which was a relief because I'd been putting it off for like two years. the nurse was really chatty and we ended up talking about her garden for ten minutes. got a flu shot while I was there too. arm is a little sore but whatever.",
    "Our rec league soccer team actually won a game on Saturday! It was 2-1 and the winning goal bounced in off someone's knee in the last five minutes, so not exactly pretty. We celebrated with pizza at the place around the corner. My legs ache everywhere today but it was worth it.",
    "I spent most of Sunday reorganizing the garage, which I've been threatening to do since we moved in. Found three extension cords, a box of old photos, and a camping stove nobody remembers buying. Everything is now on labeled shelves and I can actually park the car inside. My partner keeps opening the door just to admire it.",
    "The library near me started a seed exchange and I went to check it out on my lunch break. Picked up some heirloom beans, marigolds, and a packet of purple carrots just because they looked fun. The librarian running it gave me a handout about companion planting. I'm already sketching out where everything will go this spring.",
    "My car made a grinding noise every time I braked so I finally took it in. Turns out the rear pads were worn down to almost nothing and the mechanic gave me a bit of a lecture. Cost more than I wanted, but it drives smoothly now. I've set a reminder on my phone for the next service so I don't let it slide again.",
    "Been knitting a scarf for my niece for about a month now. I picked a stripe pattern in her favorite colors, teal and orange, which sounds awful but somehow works. I dropped a stitch somewhere in the middle and didn't notice for ten rows, so there's a small wonky spot. She's seven, I doubt she'll mind.",
    "We had a parent-teacher conference for my son yesterday. His teacher says he's doing great in reading but gets distracted during math, which honestly sounds exactly like me at that age. We came up with a plan to practice times tables at breakfast using flashcards. He groaned but agreed once I promised pancakes.",
    "The apartment building is replacing all the windows this month, so every few days there's a crew drilling somewhere on my floor. I've been working from the coffee shop down the street on the loud days. The barista knows my order now, which is either charming or a sign I'm spending too much there. The new windows do look great though.",
    "Took my bike out on the river trail early Saturday morning before it got crowded. Saw a heron standing completely still in the shallows and stopped to watch it for a while. Did about twenty miles total, which is my longest ride this year. Grabbed an iced coffee on the way home and sat on the porch for an hour.",
    "I finally switched phone carriers after months of meaning to. The store visit took almost two hours because the number transfer kept failing, but the guy helping me was patient about it. My bill is going to be about twenty dollars cheaper each month. Small thing, but it felt good to cross it off the list.",
    "My grandmother taught me how to make her dumplings over video call this week. She kept telling me the dough was too sticky and to add flour 'a little, no, a little more.' They weren't as good as hers, but they held together and tasted right. I froze a batch so I can have some on busy nights.",
    "Our office moved to a new building across town and the commute is actually shorter for me now. There's a small park next door with picnic tables, so a few of us have started eating lunch outside when it's nice. Someone brought a frisbee on Wednesday and it got surprisingly competitive. Might start bringing sneakers to work.",
    "Spent the evening helping my daughter with her science fair project on how different soils hold water. We set up four plastic cups with holes in the bottom and timed how fast the water drained. The clay one barely dripped at all, which she thought was hilarious. Now we just need to make the poster board look presentable.",
    "It rained all weekend so I finally tackled the stack of board games we never play. We got through two rounds of a train-building game and one very long game of Monopoly that ended in a friendly argument about the rules. My brother-in-law insists you get money for landing on Free Parking. Still not sure who's right.",
)
CRISIS_ENDINGS = (
    # passive ideation
    "Anyway, lately I keep going to bed hoping I just won't wake up in the morning, and that thought doesn't scare me anymore.",
    "Honestly I wish I could just stop existing. Not do anything dramatic, just quietly not be here.",
    "Also, every time I cross the street lately I catch myself wishing a car would hit me and end all of this.",
    "i dont really want to be alive right now. i'm not going to do anything but i wish i just wasn't around.",
    "Truth is, if I fell asleep tonight and never woke up, I think I'd be relieved, and that's the part that worries me.",
    "Some nights I lie there thinking everyone would be better off if I'd never been born, and I can't shake it.",
    "Anyway, I keep daydreaming about disappearing for good, like drifting off and not coming back from it.",
    "I've started to wish something would happen to me so I wouldn't have to keep going. I don't even care what anymore.",
    # explicit suicidal ideation / intent
    "Honestly, I've been thinking about killing myself every day this week and I'm not sure how much longer I can hold off.",
    "I want to kill myself. I'm not saying it for attention, I just need to say it somewhere.",
    "Also, I'm suicidal again. The thoughts came back hard last week and tonight they're louder than ever.",
    "i'm probably going to end my life soon. i've been fighting it for months and i'm done fighting.",
    "Anyway, I don't think I'll make it through this month. My mind is made up, I'm ending my life before it's over.",
    "The urge to end it all has been constant since Friday and I honestly don't trust myself tonight.",
    "I keep telling myself one more day but I really want to die, and I think I'm going to act on it.",
    "Part of why I'm posting is that I've made up my mind to kill myself, and I wanted someone to know.",
    # plans / preparations
    "Also, I've been giving my games and books away to friends this week, and I wrote letters for my family to find after I'm gone.",
    "I bought the rope yesterday and picked Saturday, when my roommate is away. I just wanted to say goodbye to this forum first.",
    "Honestly I've been stockpiling my meds for a month and I'm planning to take them all tonight after everyone's asleep.",
    "Anyway, my note is written and sitting in the desk drawer. I've already said my quiet goodbyes to the people who matter.",
    "I found someone to adopt my cat and set up autopay for the last bills so nothing is left messy when I do it next week.",
    "I've already picked the bridge and the night. Thursday, after my shift, I'm going to jump.",
    "i deleted most of my accounts, gave my guitar to my brother, and tonight is the night i go through with it.",
    "I drove out to the spot in the woods today to make sure I knew the way. Tomorrow I'm going back there for the last time.",
    # self-injury now / urges
    "Honestly I cut myself again last night after almost a year clean, and right now I want to do it again.",
    "Also I'm sitting here with the blade in my hand right now trying really hard not to use it.",
    "Anyway, I burned my arm with a lighter tonight just to feel something, and the urge isn't going away.",
    "the urge to hurt myself is so strong right now i can barely focus on typing this.",
    "I've been scratching my skin until it bleeds every night this week and I can't seem to stop.",
    "I hit my head against the wall until I saw stars earlier, and honestly I'm itching to do it again.",
    "I relapsed on self harm this afternoon. The cuts on my thigh are deeper than they've ever been.",
    "Also I keep hiding the marks on my arms with long sleeves, and I did more tonight than I meant to.",
    # evasive / slang
    "ngl i'm about to kms, this is the last post you'll see from me.",
    "Anyway, I've decided to ctb this weekend. Thanks to everyone here for being kind to me.",
    "Honestly I'm not going to be around much longer, so please don't worry about replying to this one.",
    "I've been thinking of unaliving myself for real this time. I even know when.",
    "Also, just so people know, I won't be posting after tonight. I'm making sure I'm not here tomorrow.",
    "lowkey want to sewerslide and i'm not even joking anymore, tonight feels like the one.",
    "If I log off for good after this, that's my choice. I'm done being here, in every sense.",
    "Guess I'm finally going to take the long nap, the permanent one. Take care of yourselves, everyone.",
)
SAFE_ENDINGS = (
    # low but safe vents
    "Anyway, I've been really lonely since the move, but I joined a climbing gym and I'm slowly meeting people, so it's getting better.",
    "Honestly this week has worn me out and I'm kind of sad, but I've got my therapist on Thursday and a quiet weekend planned.",
    "i'm exhausted from work and a bit down, not gonna lie. gonna take a hot shower, eat something decent and sleep early.",
    "Also I cried in the car after my performance review, which was embarrassing, but I called my mom and I feel a lot steadier now.",
    "Stress has been high with exams coming up, but I'm handling it one day at a time and my study group helps a ton.",
    "Feeling a bit flat since the breakup, but I'm safe, I'm eating, and my friends have been checking in on me.",
    "Some days are heavy and today was one of them. Still, I'm taking the dog for a walk and I'll be fine tomorrow.",
    "I miss my old coworkers more than I expected, and that stings a little. Planning a reunion lunch with them next month helps.",
    # figurative death / violence idioms
    "Anyway, this commute is absolute murder and I'd happily strangle whoever designed the merge lane on Route 9.",
    "Honestly I'd rather die than sing karaoke at the office party again, but my team is already signing me up.",
    "My feet are killing me after that charity walk, but we raised over two thousand dollars so totally worth it.",
    "If the printer jams one more time I'm going to take it out back and put it out of its misery.",
    "My sister is going to kill me when she finds out I spoiled the finale for her, lol.",
    "That spin class absolutely destroyed me. I was dying by minute ten and I'm still booking another one for Friday.",
    "Also the chili I made last night was so hot I thought I was going to die, ten out of ten would eat again.",
    "The last week of the quarter is always a bloodbath at work, but I survived it and I'm treating myself to sushi.",
    # worry about someone else
    "Anyway, my best friend posted something tonight that sounded like a goodbye and I can't reach her. Should I call the police for a welfare check?",
    "Honestly I'm scared for my little brother. He told me he's been cutting again and I don't know how to help him.",
    "My dad keeps saying he doesn't see the point anymore since mom passed, and I'm worried he might hurt himself.",
    "Also, a coworker gave away her plants and said she won't need them soon. Does anyone know how to ask her directly if she's okay?",
    "my roommate said he wants to kms and laughed it off but i can't stop thinking about it. how do i bring it up?",
    "My teenage daughter's journal mentioned wanting to disappear, and I've booked her an appointment with a counselor for Monday. Any advice on what to say meanwhile?",
    "I think my girlfriend is starving herself again and hiding it. I love her and I'm terrified of saying the wrong thing.",
    "An old friend messaged me at 3am saying he had a plan to end things. I stayed on the phone with him and we called the crisis line together.",
    # recovered past
    "For context, I attempted suicide when I was nineteen. That was eight years ago, and today I'm genuinely happy to be alive.",
    "Also, I used to self-harm all through high school. I'm four years clean now and the scars have faded a lot.",
    "Honestly, a few years back I wrote a goodbye note and nearly went through with it. Therapy and meds changed everything, and I'm so glad I stayed.",
    "i was in the hospital after an overdose in 2016. looking back, i barely recognize that person, life is good now.",
    "I spent most of my twenties wishing I wasn't here. I'm thirty-five now, married, and I actually look forward to mornings.",
    "Back in college I burned myself whenever things got bad. These days I journal or go for a run instead, and it's been six years.",
    "Seeing posts here reminds me of where I was a decade ago, when I wanted to die. It does get better, I'm proof.",
    "My old scars showed at the pool today and I didn't even feel ashamed. It's been a long time since I hurt myself, and I'm proud of that.",
    # ordinary goodbyes / give-aways / plans
    "Anyway, I'm moving to Portland next month, so this is probably one of my last posts from the old apartment. Goodbye, Ohio!",
    "Also, I'm giving away my old bike and a box of cookbooks before the move if anyone local wants them, just DM me.",
    "Alright, signing off for the night. Thanks for the chat everyone, see you all tomorrow.",
    "I handed in my notice today, so Friday is my last day at the company. Going to miss the lunch crew.",
    "I've written letters to all my pen pals letting them know my new address after the move. Feels like the end of an era.",
    "Honestly I'm deleting instagram for a while to focus on my thesis, so if I go quiet that's why. Back in May!",
    "Selling my whole record collection this weekend to make space for the baby's room. Saying goodbye to it hurts a bit, lol.",
    "I've made my decision and I'm finally going through with it tomorrow: asking my boss for a raise first thing.",
)


def _opening(index: int) -> str:
    """Two or three of the paragraphs, a different set per index (no randomness)."""
    picks = [(3 * index) % 24, (3 * index + 7) % 24]
    if index % 2:
        picks.append((3 * index + 13) % 24)
    return " ".join(PARAGRAPHS[i] for i in picks) + " "


def long_posts() -> list[tuple[str, int]]:
    """``(text, self_harm)``: the 40 crisis posts, then the 40 safe ones."""
    return [(_opening(i) + ending, label)
            for endings, label in ((CRISIS_ENDINGS, 1), (SAFE_ENDINGS, 0))
            for i, ending in enumerate(endings)]
