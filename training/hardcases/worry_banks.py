"""Worry about someone else's risk, written as a counterweight (docs/hardcases.md, "A
counterweight of worried posts").

Why a bank of its own: training on posts that defend a group's rights (``contrast_affirm``, all
labels 0) raised ``self_harm`` on posts where the author fears for a friend, a child or a
partner, and the varied banks hold only 25 such posts in their even half. These posts name
someone else's cuts, pills, notes and goodbyes, so the crisis head has to learn whose risk it
is, not which words appear. They were written without reading the evaluation suites (the
leakage test checks them like every other bank).

Each entry is ``(text, distress)``: ``self_harm`` is 0 throughout (the author is not at risk);
``distress`` is 1 where the author is frightened, grieving or overwhelmed, 0 where the post is a
calm, practical question.
"""

from __future__ import annotations

VARIED_WORRY_OTHER: tuple[tuple[str, int], ...] = (
    (("My flatmate left a note on the kitchen table that reads like a goodbye. I've phoned the "
      "police and I'm waiting outside her door with them."), 1),
    (("My younger sister keeps wearing long sleeves in July and flinches when I touch her arm. "
      "How do I bring it up without her shutting me out?"), 1),
    ("What do I say to a coworker who told me he's been thinking about ending it?", 0),
    (("Found my son's search history full of questions about overdoses. He's 16. We have a GP "
      "appointment tomorrow morning and I haven't slept."), 1),
    (("My grandad keeps saying he's ready to go and that he's tired of being a burden on us. "
      "Is that just old age talking or should I tell his doctor?"), 1),
    (("A girl in my daughter's class posted a video saying goodbye to everyone. The school and "
      "her parents know now. My daughter is in pieces."), 1),
    (("How do you support a partner who self-harms without becoming their only lifeline? I "
      "love him and I'm running on empty."), 1),
    (("My best mate from uni messaged me at 2am saying he'd written letters to his family. I "
      "called 999 and stayed on the phone with him until they got there."), 1),
    (("Volunteer question: a caller on our befriending line said she stockpiles her "
      "painkillers. What's the protocol for passing that on?"), 0),
    (("My brother got out of the psych ward last week after trying to hang himself. He's home "
      "with us now. What should the first weeks look like?"), 1),
    ("Anyone know how to get a welfare check for someone who lives in another country?", 0),
    (("My girlfriend burned her arm with a lighter again last night. She says it helps. I don't "
      "know how to help her stop."), 1),
    (("One of the lads on my football team said he wouldn't be around for next season and then "
      "laughed it off. It's been bugging me all day."), 1),
    (("Mum has been giving away her pills to the neighbours and saying she won't need them much "
      "longer. She's 78. I'm driving up to see her tonight."), 1),
    (("My trans nephew's family kicked him out and he told me he's cutting again. He's staying "
      "with me now. Resources for someone in his situation?"), 1),
    (("I'm an RA in a dorm and a student on my floor hasn't left her room in four days and "
      "texted me 'sorry for everything'. Campus security is on the way up."), 1),
    (("Is it a betrayal to tell my friend's parents she's been talking about suicide? She made "
      "me swear not to."), 1),
    (("Husband came back from his third deployment and told me last night he sometimes thinks "
      "about eating his gun. We're calling the veterans line together this morning."), 1),
    (("My autistic son, 14, screamed that he wants to be dead after a meltdown. He's calm now. "
      "Do I take it as a crisis or a meltdown phrase?"), 1),
    (("A man on the bridge near my work was standing on the wrong side of the railing. I talked "
      "to him until the police came. Can't stop thinking about him."), 1),
    (("How do I check on a friend who's gone quiet since her dad's suicide? I don't want to "
      "crowd her."), 0),
    (("Our online guild leader posted that this is his last raid and he's 'logging off for "
      "good'. Nobody knows his real name. Who do we contact?"), 1),
    (("My cousin overdosed on her antidepressants on Saturday. She's in the ICU and stable. The "
      "family chat is chaos and I'm the one holding it together."), 1),
    (("I teach Year 11 and a boy's essay described how he'd kill himself in detail. I passed "
      "it to the safeguarding lead. Did I do enough?"), 1),
    (("My wife's postnatal depression is getting worse and she said the baby would be better "
      "off without her. The midwife is coming today."), 1),
    (("Asking for my friend: she has scars on her thighs and says they're old, but some look "
      "new. What's the kindest way to ask?"), 1),
    (("My elderly neighbour told me he's sorting his affairs because he doesn't want to see "
      "another winter alone. I've started visiting every day."), 1),
    ("Tips for being a good listener when a friend talks about wanting to die?", 0),
    (("Dad has been drinking and saying he'd be better off dead since the divorce. I'm 19 and "
      "I don't know if I should call someone or wait."), 1),
    (("My little sister, 12, wrote 'I hate my life, I want to disappear' in her diary. I found "
      "it by accident. Do I tell our parents?"), 1),
    (("A refugee family we sponsor: the eldest boy keeps saying there's no point to anything "
      "after what happened back home. We've found a counsellor who speaks Dari."), 1),
    (("Boyfriend went silent after posting 'I'm done' on his story. His mum is checking on him "
      "now and I'm pacing my room."), 1),
    (("I run a support group for disabled adults and one member said she's been saving her "
      "morphine. I'm calling her care coordinator after the session."), 1),
    (("How do I tell my mate I noticed the cuts on his wrists at the pool without embarrassing "
      "him?"), 1),
    (("My twin attempted last year and today she sounds exactly like she did back then. Am I "
      "paranoid or is it happening again?"), 1),
    (("Our manager announced a colleague died by suicide over the weekend. Half the office is "
      "in tears. What can I do for his team?"), 1),
    (("A lesbian teen in my youth group said her parents would rather she was dead than gay and "
      "that she agrees with them. I'm meeting her tomorrow with our counsellor."), 1),
    (("My partner has bipolar and during his lows he talks about jumping in front of a train. "
      "He's seeing his psychiatrist Thursday. How do I keep him safe until then?"), 1),
    (("Grandma keeps asking me to bring her all her sleeping tablets at once. Something feels "
      "off. Should I tell the nursing home?"), 1),
    (("My best friend is in the hospital after swallowing bleach. She's going to be okay. I "
      "just need somewhere to say how scared I was."), 1),
    ("What's the number for a crisis line in Canada? Asking for my sister.", 0),
    (("My son's friend slept over and told me at breakfast he's been hurting himself. I called "
      "his mother and she's taking him to their doctor."), 1),
    (("Students keep writing 'kms' in the class group chat as a joke, but one girl said it and "
      "didn't laugh. I'm her tutor. Do I follow up?"), 1),
    (("My ex messaged me that he's going to end his life if I don't come back. I'm not going "
      "back, but I did call the police to check on him."), 1),
    (("I moderate a forum for queer Muslims and a member posted that he's planning to take "
      "pills tonight. We've reported it to the platform's safety team and are trying to reach "
      "him."), 1),
    (("How do you keep a teenager safe at home after they've attempted? Locking up meds, "
      "knives? Our daughter comes home Monday."), 1),
    (("My older brother keeps saying he won't make it to 30. He's 29. He jokes, but I've "
      "started to take it seriously."), 1),
    (("Colleague came back from lunch with bandages on both wrists and said she fell. I'm "
      "worried sick and don't know if HR is the right place."), 1),
    (("My dad's friend shot himself last month and dad has been giving his things away since. "
      "How do I ask him straight out?"), 1),
    (("Our exchange student from Brazil cries every night and said she wishes she could sleep "
      "and not wake up. We've booked her with the school counsellor."), 1),
    (("Best way to help an online friend in another country who says she's going to kill "
      "herself tonight? I only have her username."), 1),
    (("My wife found our teenage son's goodbye letter in his backpack. He's safe and with us. "
      "We're at A&E waiting for the mental health team."), 1),
    (("Uncle keeps posting memes about not wanting to wake up. The family laughs. I don't think "
      "it's funny and I'm going to call him."), 1),
    (("A follower DMed me photos of her cut arms and said she wanted someone to know before she "
      "goes. I sent her the crisis text line and reported the account for a welfare check."), 1),
    (("My girlfriend's anorexia is bad again and she told me she'd rather die than eat. Her "
      "treatment team knows. I feel helpless."), 1),
    (("Should I be worried that my 10 year old said 'I want to kill myself' when I took his "
      "tablet away? He's never said it before."), 1),
    (("I'm a nurse and a patient's husband confided he has a plan for after she dies. I "
      "referred him to the hospice's bereavement team. Did I overstep?"), 1),
    (("Friend from church has been talking about the rapture taking him soon and giving away "
      "his savings. Pastor is visiting him with me tomorrow."), 1),
    ("Good books about supporting a loved one through suicidal depression?", 0),
    (("My roommate has stopped going to class and I found a razor blade and bloody tissues in "
      "the bathroom bin. I'm going to talk to her tonight."), 1),
    (("Brother-in-law lost the farm and said the insurance would cover the family if he had an "
      "accident. My sister and I are driving out there now."), 1),
    (("My nonbinary friend told me they'd tried to overdose during lockdown. They're doing "
      "better now but I keep wondering what signs I missed."), 1),
    (("A kid in my scout troop told me he gets hit at home and wishes he was dead. I've "
      "reported it to children's services."), 1),
    (("My mum tried to end her life when I was nine. Now my own daughter is nine and I'm "
      "terrified of passing something on. How do people talk to their kids about it?"), 1),
    (("My partner's brother texted the family group 'love you all, I'm sorry' and turned off "
      "his phone. Police are at his flat."), 1),
    (("How do you respond when a friend says 'I'm fine' but you saw the noose photo she posted "
      "and deleted?"), 1),
    (("Our grandson was bullied for being gay and tried to drown himself in the river. He was "
      "pulled out in time. We want to understand how to help him."), 1),
    (("Work friend keeps saying things like 'if I don't wake up tomorrow, at least I won't have "
      "to do the audit'. Joke or not?"), 1),
    (("My neighbour's teenage daughter sat on our doorstep crying and said she wants to die. I "
      "brought her in, made tea and called her dad."), 1),
    (("A man in my AA group hasn't shown up for three meetings and his last share was about "
      "having nothing left to live for. How do I reach out?"), 1),
    (("My wife has MS and said she's looked into assisted dying clinics abroad. I don't know "
      "how to talk about it with her."), 1),
    ("Is there training for workplace first aiders on suicide prevention?", 0),
    (("My stepdaughter's Instagram is all black squares and captions about 'the end'. She won't "
      "talk to me. Her mum is taking her to the GP."), 1),
    (("Heard the guy in the flat above crying and saying he's going to jump. I called the "
      "emergency number and they sent a team."), 1),
    (("My fiancé said if the visa is refused he'd rather die than go back. The appeal is next "
      "week. How do I support him?"), 1),
    (("Friend keeps sending me screenshots of methods. I told her I care about her and gave "
      "her the crisis line, but she's ignoring me now."), 1),
    (("My 80 year old dad has stopped eating since mum died and told the carer he wants to join "
      "her. His GP is coming Friday."), 1),
    (("A co-op member told our committee she has pills saved 'in case the eviction happens'. "
      "We're helping with the tenancy case and checked in with her daughter."), 1),
    (("My daughter told me her best friend is cutting and made her promise secrecy. My "
      "daughter is 13. What do I do without breaking her trust?"), 1),
    (("Client at the food bank said today was his last visit because he won't be around. I "
      "told my supervisor and we got a crisis worker to talk to him."), 1),
    (("How do I explain to my kids that their uncle died by suicide? They're 6 and 9."), 1),
    (("My boyfriend has been reading about suicide every night and says it's for a story he's "
      "writing. He hasn't written a word. Should I ask him directly?"), 1),
    (("Our old dog died and my mum hasn't left bed in a week. She said she doesn't see the "
      "point without him. Should I be worried?"), 1),
    (("My sister texted me a photo of a bottle of pills and 'sorry'. I called an ambulance to "
      "her address and I'm on the train there now."), 1),
    (("Guy from my coding bootcamp said he'll 'just disappear' if he doesn't get a job by "
      "March. He's laughing, but he's lost weight and stopped showing up."), 1),
    (("My partner's self-harm scars are healing and he's been clean for a year. How do I "
      "celebrate without making it weird?"), 0),
    (("A Deaf friend of mine said nobody at her new job signs and she feels she'd be better off "
      "gone. I'm visiting her this weekend."), 1),
    (("Daughter, 17, said tonight she's been thinking about suicide for months. We talked for "
      "hours. She agreed to see someone. I'm shaking but proud of her for telling me."), 1),
    (("What to do when a friend posts a goodbye message and you're in a different timezone? "
      "Asking so I'm ready next time."), 0),
    (("My wheelchair-using brother was told he'd lose his support package and now he says he "
      "won't survive without it. We're appealing together."), 1),
    (("Someone in our running club said he's been thinking about walking into traffic. I "
      "walked home with him and we called his sister."), 1),
    (("I'm a pharmacist and a regular asked for a large pack of paracetamol, crying. I talked "
      "with her in the consultation room and called the crisis team with her."), 1),
    (("My mum has dementia and keeps saying 'let me die'. The nurses say it's common. Is it "
      "still something to report?"), 1),
    (("Friend from my Black student society messaged me 'can't do this anymore' after the "
      "racist incident on campus. I'm at her place now and we're calling the counselling "
      "service."), 1),
    (("My husband has chronic pain and said last night he's thinking of 'ending the pain for "
      "good'. I took his spare meds to the pharmacy today."), 1),
    (("How do teachers handle a student who jokes constantly about dying? Mine does and I can't "
      "tell if he's okay."), 0),
    (("Girl in my Discord said she's sitting on the roof of her building. She gave us her "
      "city. A mod called emergency services there."), 1),
)
