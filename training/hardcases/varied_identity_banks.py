"""Many distinct posts for the hate, harassment and reply functionalities, for the opt-in
``varied_identity`` group.

Why: the template banks of ``identity_banks.py`` hold 10-30 sentences per functionality, filled
with group terms and framed, and the crisis side showed that a model learns such sentences by
heart (docs/hardcases.md, "Many distinct crisis posts"). On 0.2.3 the suites' counter-speech
replies, identity-positive posts, harassment without identity, joking self-insults and
supportive replies to crisis posts stayed under 85 %. Each bank here holds 60-70 posts of
different lengths, registers and situations, no two in one bank sharing a run of five words.

Written for Haven's training data by helper sessions that were told not to open the project
(so never saw ``eval/suites/``, the reports or the docs that quote them); the leakage test
(``tests/training/test_hardcases_leakage.py``) checks every generated row against the suites.
No slurs: the default banks cover them. Reply banks are ``(parent, reply)`` (or with the hate
target), and the reply alone decides the label.
"""

from __future__ import annotations

#: (hateful parent, reply rejecting it): firm, civil, often repeating the parent's words.
VARIED_COUNTER_REPLY: tuple[tuple[str, str], ...] = (
    ("Black neighbourhoods are basically zoos, you can hear them from three streets away.",
     ('Calling a neighbourhood full of families a "zoo" is dehumanising, full stop. Mods, please '
      'take this down.')),
    ("Asians are all good at maths because they've got no personality, it's just fact.",
     ("Not a fact, a stereotype. I'm Korean, failed A-level maths twice and I'm the loudest person "
      "at every party I go to.")),
    ("Just asking, why do Mexicans always end up in gangs? Genuine question.",
     ("Putting 'just asking' in front doesn't make it less racist. The overwhelming majority of "
      "Mexican-Americans have never been anywhere near a gang.")),
    ("Fun fact: 70% of crime in my city is committed by Somali kids. Look it up.",
     ("I did look it up. The police annual report for the city doesn't break crime down by "
      "ethnicity at all, so that 70% was made up.")),
    ("how many indigenous people does it take to hold down a job? trick question lol", "No."),
    ("White people are genetically incapable of empathy, science proves it.",
     ("There's no empathy gene tied to skin colour. Racism aimed at white folks is still racism, "
      "flagging it.")),
    ("Roma just steal, it's in their culture, everyone in Europe knows it.",
     ("Everyone in Europe 'knows' it because that lie has been repeated for six centuries, right "
      "alongside expulsions and genocide. My grandmother was Roma and the only thing she ever took "
      "was far too many photos.")),
    ("Arabs are violent by nature, just turn on any news channel.",
     ("The news shows conflict, not the hundreds of millions of Arabs going to work and collecting "
      "kids from school. 'Violent by nature' is racism.")),
    ("Black members should be grateful they're even allowed in this golf club.",
     "Reported. Nobody owes gratitude for basic access."),
    ("Jews control the banks and the media, that's why nobody reports the truth.",
     ("Textbook antisemitic conspiracy theory, the exact one Nazi propaganda pushed. Mods, please "
      "remove.")),
    ("Muslims are a cancer spreading through Europe.",
     ('Describing a whole faith as a "cancer" is dehumanising and against the rules here. I\'m a '
      'Muslim nurse on an oncology ward, I know what cancer is, and my neighbours are not it.')),
    ("Christians are all brainwashed hypocrites who can't think for themselves.",
     ("My church runs the only free winter shelter in town. You can disagree with faith, but 'all "
      "brainwashed' is just prejudice.")),
    ("Sikhs with turbans should be banned from flights, you can't know what's under there.",
     ("What's under there is hair. Sikhs have been flying for decades without incident; this is "
      "religious profiling, kindly stop.")),
    ("Why do Hindus worship cows? Asking for a friend who thinks they're primitive.",
     ('"Asking for a friend who thinks they\'re primitive" isn\'t a question, it\'s mockery. '
      'Reported for religious hate.')),
    ("Atheists have no morals, never trust one with your kids.",
     ("I'm an atheist and a primary teacher with a spotless 14-year record. Decency doesn't come "
      "from a creed.")),
    ("Mosques are terrorist training camps, every single one of them.",
     ("I volunteer at one. This week's 'training' was a bake sale and Quran class for "
      "eight-year-olds. Please stop spreading this.")),
    ("Holocaust numbers are wildly exaggerated, Jews just milk it for sympathy.",
     "Holocaust denial. The perpetrators documented it themselves. Flagged."),
    ("Mormons are a cult and shouldn't be allowed to vote.",
     ("taking away someones vote over their religion is exactly what this group exists to stand "
      "against")),
    ("Women are too emotional to lead, that's why every female manager is a disaster.",
     ("Every? I've had four female managers, all calm, competent and better than my last male "
      "boss. That's sexism, not an observation.")),
    ("Girls in STEM are diversity hires, they just take seats from real engineers.",
     ("I'm a 'diversity hire' with two patents and a team of nine. Please stop calling women fake "
      "engineers.")),
    ("Women belong in the kitchen lol, that's just biology.",
     "sexism dressed up as a joke is still sexism"),
    ("Men are all potential rapists, every single one of them.",
     ("As a survivor I understand the anger, but saying all men are rapists is a gender stereotype "
      "and it doesn't help anyone heal.")),
    ("Fact: women make up 80% of false abuse reports. Stop believing them.",
     ("That number isn't in any study I can find. Research puts false reports at a small fraction "
      "of cases, and nothing like the split you claim.")),
    ("Should women even be allowed to drive? Honest question after today's traffic.",
     "Reported for misogyny."),
    ("Female doctors are just nurses who got lucky.",
     ("My surgeon was a woman and she saved my leg. It wasn't luck, it was twelve years of "
      "training. Also nurses deserve better than being your punchline.")),
    ("Feminists are just ugly women who couldn't get a man.",
     "Mocking women's looks to dismiss their politics is a very old trick. Mods?"),
    ("Women ruin every workplace they enter, proven fact.",
     ('The claim that women "ruin every workplace" isn\'t proven by anything. It\'s misogyny and '
      'it doesn\'t belong in a support space.')),
    ("Gay people are groomers, keep them away from schools.",
     ("The 'groomer' smear has been thrown at gay teachers since the 1970s and it has never been "
      "true. Most child abuse is committed by someone the child already knows, whatever their "
      "orientation. Reported.")),
    ("Trans women are just men in dresses trying to get into bathrooms.",
     "I'm a trans woman. I go to the loo to pee and wash my hands, same as you."),
    ("Being bi is just a phase for attention seekers.",
     "twenty two years into this 'phase' and still bi 💜"),
    ("Lesbians just haven't met the right man yet haha",
     "We've met plenty of men, ta. That 'joke' erases lesbians and isn't funny."),
    ("Gay marriage will destroy society, look at what happened to Rome.",
     ("Rome did not fall because of same-sex weddings, historians would be astonished. This is "
      "homophobia wearing a toga.")),
    ("Non-binary people are mentally ill and need treatment, not pronouns.", "This is bigotry."),
    ("The LGBT agenda is a plot by elites to lower birth rates.",
     ("There's no plot. Queer people have always existed and we aren't part of some depopulation "
      "scheme. It's a conspiracy theory aimed at us; could the mods remove it?")),
    ("Transgender people should be banned from the military, they're a liability.",
     ("Thousands of trans people have served with distinction. Calling them a 'liability' is "
      "transphobia, mate.")),
    ("Asexuals are just broken people who can't admit it.",
     ("Nothing is broken. Asexuality is an orientation, not a malfunction. Please don't talk about "
      "us like that here.")),
    ("Two dads raising a kid is child abuse.",
     ('My two dads taught me to ride a bike, sat through every school play and cried at my '
      'graduation. Calling that "child abuse" is homophobic, and honestly it hurts to read.')),
    ("People on disability benefits are leeches living off the rest of us.",
     ('I worked for 20 years before MS. Benefits are what let me keep my own flat. Calling us a '
      '"drain" is ableism.')),
    ("Autistic people are basically robots with no feelings.",
     ("Autistic here, and I cried at a dog food advert this morning. The robot stereotype is "
      "ableist and wrong.")),
    ("People in wheelchairs are faking half the time, I saw one stand up at Tesco.",
     ("Lots of wheelchair users can stand or walk a little. Ambulatory wheelchair users exist, and "
      "standing up in Tesco proves nothing.")),
    ("Deaf people are stupid, they can't even talk properly.",
     "Deafness says nothing about intelligence. Reported."),
    ("Anyone with a psychiatric diagnosis belongs in an institution, not next door.",
     ("Research keeps showing that psychiatric patients get attacked far more often than they "
      "attack anyone. Locking people away for a diagnosis is how the old asylums happened. I'm not "
      "going back to that.")),
    ("Down syndrome kids shouldn't be born, it's cruel to everyone.",
     ("My sister has Down syndrome and runs the till at a café four days a week. Mods, please "
      "remove this, it's eugenics talk.")),
    ("what do you call a blind guy at a dance? nothing, he can't see you anyway lmao",
     "Jokes at blind people's expense aren't welcome in this community."),
    ("ADHD isn't real, it's just lazy kids and bad parents.",
     ("ADHD is one of the most studied conditions in child psychiatry. 'Lazy kids and bad parents' "
      "is a myth that stops people getting help.")),
    ("People with learning disabilities shouldn't be allowed to have kids.",
     ("That's the argument used to justify forced sterilisation last century. It's ableism and I'm "
      "reporting it.")),
    ("Immigrants are an invasion, they're infesting our towns like cockroaches.",
     ("People are not insects. Calling migrants an 'invasion' and vermin is dehumanising. Reported "
      "to mods.")),
    ("Send them all back, every last Polish builder in this country.",
     ("I'm a Polish builder. I pay my taxes, I put up half the extensions on your street, and I'm "
      "staying.")),
    ("Refugees come here just to claim benefits, they never work.",
     ("Asylum seekers in the UK mostly aren't even permitted to work while their claim is "
      "processed. The system blocks them, then people blame them for it.")),
    ("Indians cheat in every exam, that's how they get all the visas.",
     ("Cheating is not a nationality. Lakhs of Indian students earned their places honestly, "
      "myself included. This is xenophobia only.")),
    ("Over 90% of immigrants are criminals and the government hides it.",
     ("No government is hiding a 90% figure because none exists. In most studies immigrants offend "
      "at similar or lower rates than native-born people.")),
    ("Chinese people brought the virus here on purpose.",
     ("That conspiracy theory led to real attacks on Chinese and other East Asian people. Please "
      "take it down.")),
    ("Why don't Africans just fix their own countries instead of coming here? Asking honestly.",
     ('"Fix their own countries" skips right over colonialism, and moving abroad for work is '
      'normal for every nationality. Asking honestly doesn\'t make it less xenophobic.')),
    ("Mexicans are all illegals, lol.",
     "My family's been in Texas since before it was Texas. Reported."),
    ("New citizens shouldn't be allowed to vote, they're not real Americans.",
     ("I took the oath, passed the test and waited eleven years. I'm a real American. Citizenship "
      "doesn't come in tiers.")),
    ("Boomers should hurry up and die so we can get houses.",
     "'Hurry up and die' isn't activism, it's ageism. Housing policy is the problem, not my nan."),
    ("Old people are useless, they can't even use a phone.",
     ("My 78-year-old neighbour built her own website last spring. Please don't write off a whole "
      "generation.")),
    ("Gen Z are lazy snowflakes who've never worked a day.",
     ("I'm 21 and I work two jobs while studying. The 'lazy snowflake' line is just an age "
      "stereotype.")),
    ("Anyone over 60 shouldn't be allowed to vote, they won't live with the consequences.",
     ("Stripping votes by age is discrimination. Older people live with consequences too, and most "
      "have grandkids who will.")),
    ("Hiring anyone over 50 is a waste, they're slow and can't learn.", "Reported for ageism."),
    ("Old people smell like mothballs, keep them out of the gym.",
     ("Older people have every right to the gym. Mocking how they smell is ageist. Mods please "
      "remove.")),
    ("Teenagers are all criminals in hoodies, ban them from the shopping centre.",
     "most teens in hoodies are just cold tbh. banning a whole age group is discrimination"),
    ("Millennials ruined the economy with their avocado toast lol",
     ("Avocado toast did not cause a housing crisis. It's a lazy generational jab aimed at younger "
      "people who are already struggling.")),
    ("Elderly drivers are killers, they should all lose their licences at 70.",
     ("Statistically, drivers in their late teens crash far more often. A blanket ban at 70 would "
      "be age discrimination, pure and simple.")),
    ("Care homes are just waiting rooms for useless old people.",
     ('My dad lives in a care home. He paints, flirts with the tea lady and beats me at chess. He '
      'is not "useless". This is ageism.')),
)

#: (parent, hateful reply, target): under a hateful parent (agreeing) or a harmless one.
VARIED_ENDORSE_REPLY: tuple[tuple[str, str, str], ...] = (
    ("Asians eat anything that moves, it's disgusting.",
     "And they bring that filth into our restaurants too. Asians have no standards at all.",
     "race_ethnicity"),
    ("Black neighbourhoods are always crime-ridden for a reason.",
     "yep black people are just more violent, anyone who's lived near them knows",
     "race_ethnicity"),
    ("Romani families should be moved out of the city.",
     "Exactly, Roma are thieves from birth and every town they settle in pays for it.",
     "race_ethnicity"),
    ("Why are Black people always so loud?",
     "Because they're basically apes that never evolved past shouting.",
     "race_ethnicity"),
    ("Islam is not a religion of peace, no matter what they tell you.",
     "Agreed, every Muslim is a ticking bomb just waiting for an excuse.",
     "religion"),
    ("Jews always look after their own at everyone else's expense.",
     ("Of course, Jews own half the politicians, that's why nothing ever changes for the rest of "
      "us."),
     "religion"),
    ("Hindus are stuck in the dark ages with their idol worship.",
     "Spot on. Hindus are filthy pagans and their festivals should be banned here.",
     "religion"),
    ("Sikhs are all extremists.", "so true lol", "religion"),
    ("Women shouldn't be allowed to make big decisions at work.",
     "exactly women are too hormonal for anything harder than making coffee",
     "gender"),
    ("Female drivers are a menace.",
     "Yup, women's brains just aren't built for driving. Or for thinking, for that matter.",
     "gender"),
    ("Men are trash, simple as.", "this, 100%", "gender"),
    ("Trans people are mentally ill and shouldn't be near children.",
     ("Totally agree, trans people are predators in disguise and should be kept out of schools "
      "entirely."),
     "sexual_orientation_gender_identity"),
    ("Gay people are destroying family values.",
     "And they're recruiting kids to do it. Gays are a disease on this society.",
     "sexual_orientation_gender_identity"),
    ("Bisexuals are just greedy and can't be trusted.",
     "yeah bi people are cheaters by nature, never date one",
     "sexual_orientation_gender_identity"),
    ("Lesbians just hate men.",
     "True, lesbians are bitter and twisted and shouldn't be allowed to adopt.",
     "sexual_orientation_gender_identity"),
    ("Disabled people are a burden on taxpayers.",
     "Correct. The disabled are dead weight and should stop breeding more of themselves.",
     "disability"),
    ("Autistic kids shouldn't be in normal schools.",
     "Agree, autistic people are basically defective and drag everyone else down with them.",
     "disability"),
    ("People with schizophrenia are ticking time bombs.", "^ this", "disability"),
    ("Immigrants are flooding our country.",
     "Exactly and they're all rapists and thieves, deport every single immigrant now",
     "national_origin"),
    ("Mexicans are taking our jobs.",
     "Mexicans are parasites mate, they take the jobs and then milk welfare on top.",
     "national_origin"),
    ("Refugees should be sent back on the next boat.",
     "couldn't agree more, refugees are vermin bringing crime and disease",
     "national_origin"),
    ("Chinese people spread diseases everywhere they go.",
     "100%. The Chinese are dirty and should be banned from entering the country.",
     "national_origin"),
    ("Old people are useless.", "Yep, the elderly are a waste of oxygen and hospital beds.", "age"),
    ("Boomers ruined everything.",
     "True, and the sooner boomers die off the better for all of us.",
     "age"),
    ("Teenagers today are feral.",
     "Agreed, teens are animals, lock them up until they turn twenty.",
     "age"),
    ("Just got promoted to senior engineer! First in my family to go to uni 🎉 #BlackInTech",
     "Diversity quota strikes again. Black people never earn anything on merit.",
     "race_ethnicity"),
    (("My daughter just started at her new school and she's the only Aboriginal kid in the class, "
      "wish her luck!"),
     "Aboriginal kids always drop out anyway, it's in their blood.",
     "race_ethnicity"),
    ("Our Asian-American students' union is hosting a Lunar New Year dinner, everyone welcome.",
     "Hard pass, Asians are sneaky and only look out for each other.",
     "race_ethnicity"),
    ("Our mosque's food drive collected 800 kg for the local food bank this Ramadan!",
     "Nice cover story. Muslims only do charity to hide the money going to terror.",
     "religion"),
    ("Lighting the menorah with my kids for the first time since moving here.",
     "Enjoy it while you can, Jews always outstay their welcome.",
     "religion"),
    ("Wore my hijab to my job interview today and got the job!",
     "They hired a walking oppression symbol? Muslim women are brainwashed, the whole lot of them.",
     "religion"),
    ("Finally finished my PhD in physics! So proud.",
     "Women in physics are only there for the photo op, none of them can actually do the maths.",
     "gender"),
    ("Our women's football team made the county final!",
     "Women's football is a joke because females are too weak and slow for a real sport.",
     "gender"),
    ("First day as a firefighter, only woman on my shift.",
     "Women shouldn't be firefighters, they'll just get real men killed.",
     "gender"),
    ("Me and my girlfriend at our first Pride! 🏳️‍🌈",
     "Disgusting. Queer people are perverts and should keep it out of public view.",
     "sexual_orientation_gender_identity"),
    ("Three years on HRT today and I finally feel like me.",
     "Trans people are delusional freaks and no amount of hormones changes that.",
     "sexual_orientation_gender_identity"),
    ("My husband and I just adopted our son! Two dads, one very loud toddler.",
     ("Gay couples adopting is how kids get abused. Those men should never be allowed near "
      "children."),
     "sexual_orientation_gender_identity"),
    (("Did my first wheelchair-accessible trip to Lisbon, the trams were a challenge but I loved "
      "it!"),
     "Disabled people should stay home instead of slowing everyone else down on holiday.",
     "disability"),
    ("My autistic son said his first full sentence today at seven years old.",
     "Autistic kids are a lifelong burden, should have been caught before birth.",
     "disability"),
    ("Got my guide dog today, her name is Maple!",
     "Blind people contribute nothing to society and now the taxpayer funds their pets too.",
     "disability"),
    ("Officially a Canadian citizen as of this morning! 12 years in the making 🇨🇦",
     "Another immigrant leech. Citizenship should never go to foreigners.",
     "national_origin"),
    ("Opened my Nigerian restaurant on the high street this week, come try the jollof!",
     "Nigerians are all scammers, bet it's a money laundering front.",
     "national_origin"),
    ("At 72 I just finished my first marathon!",
     ("Old people should stop hogging the roads and go to a home where they belong, they're a "
      "waste of space."),
     "age"),
    ("Our teen volunteers repainted the whole community centre this weekend.",
     "Teenagers are vandals, they probably tagged it first. Useless generation.",
     "age"),
    ("Started a coding bootcamp at 58, wish me luck!",
     "Pointless. People over 50 are too senile to learn anything new.",
     "age"),
)

#: Praise, pride, gratitude and celebration, each naming a group.
VARIED_IDENTITY_POSITIVE: tuple[str, ...] = (
    ("My Black coworker Denise ran the whole product launch this week and absolutely nailed it. So "
     "proud to work alongside her."),
    ("Eid Mubarak to all my Muslim neighbours! The biryani Fatima dropped off last night was "
     "unreal 😍"),
    ("As a deaf woman I finally had a job interview conducted in BSL, with a Deaf interviewer, and "
     "I felt seen for the first time in years."),
    ("Happy Diwali! Our Hindu friends invited us over to light diyas and the kids haven't stopped "
     "talking about it."),
    ("Chag sameach to everyone celebrating Hanukkah. So grateful to the Jewish families on our "
     "street who taught my son to spin a dreidel and fry latkes."),
    "lunar new year dinner with my chinese in-laws was the best meal of the year no contest",
    "Proud trans woman here. Three years on HRT and I have never felt more like myself.",
    ("Our night nurse was a Filipino immigrant called Joy and she treated my mum like family "
     "during those last weeks. Bless her forever."),
    ("Shout out to the Polish bakery on High Street, best rye bread in town and the loveliest "
     "family running it."),
    ("When the Syrian refugee family moved in next door I worried I wouldn't know how to make them "
     "feel at home. Instead they welcomed me: mint tea every Sunday, help mending my fence, and "
     "the kindest kids on the road. Best neighbours I've had in twenty years, honestly."),
    "Juneteenth cookout at the community centre today! Honouring Black history and Black joy 🖤",
    ("My autistic son explained the entire solar system to his class today and his teacher said it "
     "was the best presentation she's ever seen."),
    "Lesbian and proud. Married my girlfriend last spring and my grandma danced till midnight.",
    ("elderly folks at the care home taught me to knit and honestly theyre the funniest people i "
     "know"),
    ("Teenagers in my town organised a litter pick on their own initiative. Gen Z is alright, you "
     "know."),
    ("Wheelchair user here and I just finished my first half marathon in a racing chair! Couldn't "
     "have done it without my disabled athletes club cheering at every mile."),
    "The women engineers at my firm designed the entire braking system. Incredible team.",
    ("Big respect to the men in my peer support circle who talk openly about grief and fear. "
     "Watching them be that honest takes real courage."),
    ("Nonbinary and thriving! My coworkers use they/them for me without missing a beat and it "
     "makes every day lighter."),
    ("Bi pride flag is up on my balcony and the neighbour said it's the prettiest one on the "
     "street 💗💜💙"),
    ("My Sikh colleague brought dal to the office potluck and explained langar, the tradition of "
     "feeding anyone who walks in. Beautiful idea."),
    "Christmas Eve mass with my Catholic grandparents is still my favourite night of the year.",
    ("Atheist and humanist here. Our local group volunteered at the food bank together this "
     "weekend, felt great."),
    ("Nigerian jollof at my mate's wedding hit different. Nigerian hospitality is something else "
     "entirely."),
    "Love my Muslim neighbours!",
    ("The Korean grandmothers in my building run a kimchi-making day every November and I have "
     "officially been adopted as an honorary granddaughter."),
    ("Pride month at work: our gay CEO gave a talk about coming out in the nineties and half the "
     "room was in happy tears."),
    ("So grateful for the Muslim women who run the hijabi basketball league. My daughter found her "
     "confidence on that court."),
    ("As a blind programmer I adore the blind devs on our accessibility forum, the most helpful "
     "crowd online."),
    ("Indigenous language classes just started at our library and the Cree elder teaching them is "
     "wonderful."),
    ("The Syrian family who moved in upstairs taught my kids to make maamoul, and now Saturday "
     "baking is our new tradition."),
    "Shoutout to my Irish granny for teaching me every old song she knows 🇮🇪",
    ("Trans men in my support group walked me through my first months on T. Forever thankful to "
     "you lads."),
    ("My Jewish professor stayed after class for weeks helping me untangle my thesis. One of the "
     "kindest people I've ever known."),
    ("The Hindu temple in our town fed the whole neighbourhood after the flood. We will never "
     "forget that."),
    "older workers on my team are the backbone of the place, they know every trick in the book",
    "Gay dads at my kid's school run the best bake sale, every single year 🧁",
    ("The pho shop round the corner is run by a Vietnamese family who arrived as refugees in the "
     "80s. Hearing how they built it up inspires me every time I visit."),
    ("As a Black woman in tech I want to celebrate every Black woman who kept going. We are here "
     "and we are brilliant!"),
    "Buddhist monks at the retreat were so patient with all my endless beginner questions.",
    ("Went to my first ASL poetry night and the Deaf performers blew me away. Deaf culture is so "
     "rich."),
    "proud immigrant daughter. my mom came from Ghana with one suitcase and now shes a head nurse",
    "Women in my family have farmed this land for four generations and I'm proud to be the fifth.",
    "Proud Mexican immigrant 🇲🇽",
    "As an asexual person, finding the ace community online was like coming home.",
    ("My son's teacher uses a wheelchair and the kids adore her. She has taught them so much about "
     "access, patience and kindness."),
    ("Indian English is so expressive yaar, my Indian colleagues' phrases have fully taken over "
     "our office chat."),
    "Young people at the climate march were so articulate. I left feeling properly hopeful.",
    ("Lebanese neighbours brought us a huge tray of mezze when our baby was born. Generosity like "
     "that stays with you."),
    ("Ramadan Kareem to every Muslim fasting this month, wishing you peaceful nights and joyful "
     "iftars."),
    ("Coming out as a lesbian at my Baptist church felt huge. The pastor's wife hugged me, said "
     "God made me exactly right, and the congregation threw us an engagement party a year later. "
     "Christian community has been the most loving home I could ask for."),
    ("My sister has Down syndrome and she is the funniest, most stubborn, most loving person in "
     "our entire family. Happy Down syndrome awareness day!"),
    "Pakistani cricket club in our park invited my kids to join in. Best Saturday in ages.",
    ("Jamaican patois is such a beautiful language, my Jamaican coworkers taught me a few phrases "
     "today."),
    "shoutout to the elderly volunteers at the hospital front desk they always remember my name",
    "Men who mentor with Big Brothers are doing vital work. My nephew's mentor changed his life.",
    "Capoeira class run by two Brazilian immigrants is the joy of my week, obrigada!",
    "Proud hijabi doctor. Patients sometimes ask about my hijab and I genuinely love sharing.",
    ("Intersex and proud. This year I finally met other intersex people in person and cried happy "
     "tears."),
    "Trans joy is beautiful.",
    "Grateful to the Quaker meeting house that opened its doors to refugees this winter.",
    "A Welsh language choir sang at my grandpa's funeral and it was the most beautiful tribute.",
    "The Black History Month display at the library, made by local teens, is stunning. Go see it!",
    "Somali aunties at the market always slip me extra sambusa, love them to bits",
    ("Disabled and chronically ill friends, you're the best. Fellow spoonies got me through this "
     "flare with memes and soup."),
    "Trans kids deserve joy, and mine has so much of it now she's living as herself.",
    "Japanese exchange students taught our class origami and calligraphy today, what a treat.",
    ("At 78 I'm one of the oldest in my coding class and we older folk are smashing it. Never too "
     "late, my grandkids say."),
    ("Lunar New Year parade was spectacular, the Vietnamese and Chinese lion dance troupes stole "
     "the show 🦁🧧"),
    "Women veterans in our town deserve far more credit, the most resilient people I know.",
)

#: (attack on a group, target), 10 per target group, no slurs.
VARIED_GROUP_HATE: tuple[tuple[str, str], ...] = (
    (("Black neighbourhoods are basically zoos, the people there behave like animals and everyone "
      "knows it."),
     "race_ethnicity"),
    ("im not racist but asians are just naturally sneaky and you cant trust them with money",
     "race_ethnicity"),
    (("Just asking questions: why is it that whenever crime goes up there are more Hispanic "
      "families moving in? Maybe they're simply born criminals."),
     "race_ethnicity"),
    ("Fact: 87% of Roma are thieves. Look it up. They should be kept out of our towns entirely.",
     "race_ethnicity"),
    (("white people are a disease on this planet, incapable of empathy, earth would heal if they "
      "all died off"),
     "race_ethnicity"),
    (("With respect, I believe Black people lack the intellectual capacity for leadership, and "
      "companies should stop pretending otherwise."),
     "race_ethnicity"),
    ("Arabs breed like rats and they'll outnumber us in twenty years unless somebody stops them.",
     "race_ethnicity"),
    ("mixed race kids are a mistake. races should stay separate like nature intended",
     "race_ethnicity"),
    (("Indigenous people had their chance and wasted it. Lazy drunks living off our taxes, the lot "
      "of them."),
     "race_ethnicity"),
    ("Keep Asians out of our school. Like locusts, swarming in and stripping every place bare.",
     "race_ethnicity"),
    ("Muslims are a cancer spreading through Europe and need to be cut out before it's too late.",
     "religion"),
    ("jews control the banks and the media wake up its not a coincidence", "religion"),
    (("Hindus worship cows and live in filth. Their religion is backward superstition for "
      "primitive minds."),
     "religion"),
    ("Christians are brain-dead sheep and honestly should lose the right to vote.", "religion"),
    (("I'm not bigoted, I just think Muslims are inherently violent and shouldn't be allowed to "
      "build a single mosque here."),
     "religion"),
    ("Atheists have no morals, full stop. Never let one near your children.", "religion"),
    (("Polite request to the council: please stop renting halls to Jewish groups. Their presence "
      "lowers the tone and the property values of our community."),
     "religion"),
    ("mormons are a cult of inbred freaks lol someone should burn their temples down", "religion"),
    (("Just wondering why we let Muslims teach in our schools when their religion tells them to "
      "lie to non-believers?"),
     "religion"),
    ("Sikhs in turbans are a security risk. Ban them from airports and government buildings.",
     "religion"),
    ("Women are too emotional to be trusted with anything important. Keep them out of government.",
     "gender"),
    ("females are basically livestock, good for breeding and cooking and thats it", "gender"),
    ("Men are animals, all of them. Every man is a predator waiting for his chance.", "gender"),
    (("Studies prove women's brains are 20% smaller, which is why they can't do engineering. Stop "
      "hiring them."),
     "gender"),
    ("i'm not sexist but women shouldn't be allowed to vote, they just vote with their feelings",
     "gender"),
    (("Girls at university are wasting seats a man could use. Send them back to the kitchen where "
      "they're useful."),
     "gender"),
    ("men are trash, ban them from raising kids, a plague on every family", "gender"),
    (("With all due respect, women are biologically inferior and civilisation collapses whenever "
      "we forget it."),
     "gender"),
    ("Female doctors? No thanks. Women are incompetent by nature and patients die because of them.",
     "gender"),
    ("women in gaming are parasites leeching attention and ruining everything they touch",
     "gender"),
    ("Gay people are a disease corrupting our children and must be kept away from schools.",
     "sexual_orientation_gender_identity"),
    ("trans women are just men in dresses, mentally ill predators, ban them from every bathroom",
     "sexual_orientation_gender_identity"),
    (("Just asking: isn't it odd how lesbians all hate men? Maybe they're damaged goods who need "
      "fixing."),
     "sexual_orientation_gender_identity"),
    ("Bisexuals are greedy liars who spread disease. Nobody should ever date one.",
     "sexual_orientation_gender_identity"),
    (("Nonbinary people are attention-seeking freaks and should never be allowed to change their "
      "documents."),
     "sexual_orientation_gender_identity"),
    (("I have nothing against gays but they shouldn't be allowed to adopt. Kids deserve normal "
      "parents, not perverts."),
     "sexual_orientation_gender_identity"),
    (("Fact: 90% of trans people are mentally ill and most are sex offenders. Stop letting them "
      "work with kids."),
     "sexual_orientation_gender_identity"),
    (("Respectfully, homosexuality is a perversion and same-sex couples should be denied the right "
      "to marry."),
     "sexual_orientation_gender_identity"),
    ("gays are vermin, rounding them all up would be doing the world a favour",
     "sexual_orientation_gender_identity"),
    (("trans men are confused girls who got brainwashed and deserve to be mocked until they snap "
      "out of it"),
     "sexual_orientation_gender_identity"),
    ("Disabled people are a drain on society and shouldn't get a penny in benefits.", "disability"),
    ("autistic people are basically robots without feelings no point treating them like humans",
     "disability"),
    (("People in wheelchairs should stay home instead of clogging up shops and buses for normal "
      "folk."),
     "disability"),
    ("Deaf people are stupid, that's just a fact, they can't learn like the rest of us.",
     "disability"),
    ("Mentally ill people are dangerous animals and should all be locked away permanently.",
     "disability"),
    ("im not ableist but people with down syndrome shouldnt be allowed to have kids, bad genes",
     "disability"),
    ("Blind people are useless burdens. Why should taxpayers support them at all?", "disability"),
    (("Kindly stop hiring people with learning disabilities. They slow the whole team down and are "
      "a liability."),
     "disability"),
    (("Disabled kids should be segregated into separate schools so they don't drag normal classes "
      "down."),
     "disability"),
    (("Honestly the world would be better if disabled people simply weren't born. Defective, every "
      "one."),
     "disability"),
    ("Immigrants are parasites. Deport them all.", "national_origin"),
    ("mexicans are all drug dealers and rapists, build the wall higher", "national_origin"),
    ("Refugees are vermin crawling across the border carrying diseases. Turn them back by force.",
     "national_origin"),
    ("I'm not xenophobic, but Polish workers are thieves who steal our jobs and our wallets.",
     "national_origin"),
    ("Fact: 75% of crimes in this city are committed by Nigerians. Send them all home.",
     "national_origin"),
    (("The elites are shipping in migrants on purpose to replace us. Wake up before the native "
      "population is gone."),
     "national_origin"),
    ("Pakistanis shouldn't be allowed to own businesses here, they're all scammers.",
     "national_origin"),
    (("We kindly ask the landlord association to stop renting to Somalis. They are dirty and "
      "destroy every property."),
     "national_origin"),
    (("Why do we let Indians work in tech at all when they're frauds with fake degrees? Genuine "
      "question."),
     "national_origin"),
    ("syrians are animals every single one of them, keep them away from our kids and our women",
     "national_origin"),
    ("Old people are useless leeches draining the health service. Take away their vote at 65.",
     "age"),
    ("boomers are parasites cant wait for them all to die off", "age"),
    ("Teenagers are feral animals and should be banned from public spaces after dark.", "age"),
    ("Elderly people are senile by definition; they have no business holding jobs or driving.",
     "age"),
    ("Gen Z are a generation of spineless, stupid snowflakes. None of them should be hired.",
     "age"),
    ("Respectfully, people over 70 are a burden and shouldn't receive life-saving treatment.",
     "age"),
    ("Millennials are lazy entitled brats incapable of real work, every one of them.", "age"),
    ("Young people are brainless. Raise the voting age to 30 and keep them out of it.", "age"),
    ("old people smell, they're gross, they belong in homes out of sight", "age"),
    (("Just asking questions: isn't it time we admitted seniors are a waste of resources? Studies "
      "show 80% contribute nothing."),
     "age"),
)

#: Aimed at one person (you, a first name, an @handle), no identity in it.
VARIED_HARASSMENT: tuple[str, ...] = (
    "nobody asked, clown",
    ("@mika_draws your art looks like a toddler traced it with an elbow. delete the account and "
     "spare us"),
    ("Derek, you are genuinely the least competent person I have ever worked with. Every "
     "spreadsheet you touch turns into a crime scene and the rest of us clean it up."),
    "I know where you work, Priya. Blue building on the corner, third floor. See you at lunch.",
    "log off forever, you insufferable little gremlin",
    ("Everyone block @tomsgarage and report every post he makes. Let's get this loser's account "
     "nuked by Friday."),
    "You're so ugly it's honestly impressive. How do you leave the house with that face?",
    ("Keep talking, Jess. I have screenshots of everything you said in the group chat and your "
     "boss's email is right there on the company site."),
    "imagine crying over a dead cat for three weeks lmao get a grip",
    ("Hey mod, you're a power-tripping nobody who deletes posts because it's the only control you "
     "have in your sad little life."),
    "@ryan.k you absolute fucking waste of oxygen",
    ("Send me more pics or I post the ones I already have to your whole follower list. You've got "
     "till midnight."),
    "I will find you after the match and break your jaw, Connor. Count on it.",
    ("Streamer boy can't aim, can't talk, can't even set up a mic properly. Why are 40 people "
     "watching this trash?"),
    ("Honestly Leah, I'm not angry. I simply think you're a deeply boring person with nothing "
     "worth saying, and I suspect everyone else agrees."),
    "your dad's name, your street, your school. it's all in a doc now. sleep well 🙂",
    ("Marcus from accounts, you smell like a wet dog and the whole office talks about it behind "
     "your back."),
    "lol you got dumped again? shocking. maybe stop being such a clingy disaster",
    ("Your sourdough posts are the most pathetic content on this platform. Nobody cares about your "
     "bread, Gareth."),
    ("Every single reply you write is wrong, you thick muppet. Do you read before you type or just "
     "mash the keys?"),
    ("Ex update for anyone who cares: Sam still can't hold a job, still sleeps till noon, still "
     "posts inspirational quotes like anyone reads them. Tragic."),
    "Been parked outside your flat since eight. Nice curtains, Olivia.",
    "kys @trixie_plays nobody would even notice",
    ("Mr Thompson, with respect, you are the most useless teacher this school has ever employed "
     "and I am going to make sure every parent hears about it."),
    "you type like a concussed pigeon",
    ("Reminder to the whole server: Kyle is a snitch and a liar. Don't talk to him, don't play "
     "with him, don't let him into any channel."),
    ("Go cry about your divorce somewhere else, Brenda. Nobody here wants to hear it for the "
     "hundredth time."),
    ("I'll be sending your mum the video from the party. Let's see how she likes her golden boy "
     "then."),
    ("Your fanfic is unreadable garbage and you should be embarrassed you posted it. Delete it. "
     "Delete your account. Disappear from the fandom."),
    "@nina_runs 5k in 40 mins and you're posting like you won the Olympics. Pathetic. Sit down.",
    ("Pay me 200 quid in gift cards or those photos go to your entire contact list, Aiden. I'm not "
     "bluffing."),
    "What a shit take from a shit person. Shocked, truly.",
    ("Dear moderator Hannah, you've banned me three times now. Fourth time I come back with your "
     "real name and your employer's phone number pinned in the main thread."),
    ("Every time you open your mouth in seminar, Josh, the collective IQ of the room drops. Please "
     "stop contributing."),
    "Gonna make your life hell at school tomorrow. Watch your back, Ellie.",
    "your grandma died and you're making a whole thread about it for attention. sad. log off",
    "Nobody wants to see your bloated face in every selfie, Tara. Spare us.",
    ("Mate, you've been coding for six years and you still can't write a for loop without Stack "
     "Overflow. Quit and go stack shelves."),
    "I've got your IP, your Discord and your real name. Say one more word, @zero_cool88.",
    "unfollow this clown, block him, report him. he's a grifter and everybody knows it",
    ("Tyler is a pathetic loser who peaked in year nine, and the sooner he realises it the better "
     "for all of us."),
    "Hey Chris, I followed you home from the gym yesterday. You should really lock that side gate.",
    "It's genuinely remarkable how you manage to be wrong about everything, Anjali. A rare talent.",
    "shut your stupid fucking mouth dylan",
    "The stream is dead because YOU are dead boring. 3 viewers and two are bots. Give up.",
    "i hope you choke on your next protein shake, gym boy",
    "Oh no, poor Kevin got evicted. Maybe try paying rent instead of buying skins, genius?",
    "Screenshotting this and sending it to your principal, Maya. Enjoy detention. Or expulsion.",
    ("Okay, let me spell it out for you, Rob, since you clearly can't read a room. You're loud, "
     "you're wrong, you interrupt everyone, you steal credit for other people's work, you bring "
     "nothing but noise to this team, and every person on this floor is counting down the days "
     "until your contract ends. Do us all a favour and don't renew."),
    "bro ur so mid it hurts",
    "@lunarmoth you're a walking L",
    "Keep posting your garden and I'll come rip every plant out myself. I know which house it is.",
    "I'd slap that smirk off your face if you were standing in front of me, Ben.",
    ("You owe me nudes after everything I've done for you. Send them or I tell everyone what you "
     "did at camp."),
    "Pretty sure nobody will bother turning up to your funeral, Carl.",
    "Your poetry reads like a fridge manual. Stop.",
    ("Hey everyone, this is the guy who cheated on his girlfriend. Tag him, quote him, make sure "
     "he never lives it down. @danny_fitz"),
    ("Listen here, you spineless little worm. Ban me from the subreddit one more time and I'll "
     "make a hundred accounts just to follow you around."),
    "Freddie your chess rating is a joke, you hang your queen every game, uninstall",
    "no one likes you. not in this chat, not at school, not at home. think about that.",
    "The way you do your makeup, you look like a clown at a kid's party, Jade.",
    "Are you actually this stupid or is it a bit? Serious question, Matt.",
    "ugh @coffeewithkate your voice is nails on a chalkboard, never do voice notes again",
    ("You were the worst two years of my life, Ethan, and I'm going to make sure your new "
     "girlfriend sees every message you ever sent me."),
    ("Step down as mod, Oscar. You're a joke, the community laughs at you, and we're organising a "
     "mass report until you're gone."),
    "what a braindead piece of shit you are",
    "You are one useless fellow only, Rohit. Even the intern does better work. Resign and go.",
    "you're a flamin' drongo, Shane, nobody wants your hot takes on the footy",
    "You are very stupid person, nobody want read your opinion, please go away from this group",
    "See you in the car park after your shift, Nathan. Don't bother calling anyone.",
)

#: (joking self-insult about a mishap, 1 when strongly profane).
VARIED_SELF_DEPRECATION: tuple[tuple[str, int], ...] = (
    ("I'm such a genius I locked my keys in the car. With the engine running.", 0),
    ("me, a certified chef: burns toast. twice. same morning", 0),
    ("showed up to the dentist on the wrong fucking day. again. why am I like this", 1),
    (("Classic me: confidently waved at a stranger across the car park who was greeting her "
      "husband."),
     0),
    (("Autocorrect changed 'see you soon' to 'see you spoon' in a text to my boss and honestly I "
      "deserve it"),
     0),
    ("killed my third cactus this year. a CACTUS. i am a menace to plant life", 0),
    (("Tripped over absolutely nothing in front of the whole bus stop. Graceful as shit. Gravity "
      "1, me 0."),
     1),
    (("I'm such a dumbass, I spent ten minutes looking for the phone I was using as a torch to "
      "look for it"),
     1),
    ("overslept through three alarms like a hibernating bear lol", 0),
    (("Forgot my neighbour's name after four years of chatting over the fence. It's 'hey buddy' "
      "forever now."),
     0),
    (("Maths and I are not fucking friends. Took me four tries to split a restaurant bill three "
      "ways."),
     1),
    ("wore my jumper inside out all day at work. nobody said a word. iconic", 0),
    (("Dear diary, today I tried to unlock my front door with the car fob for a full minute. Peak "
      "adulting."),
     0),
    ("Well shit, I just replied-all to the entire department with 'lol ok'. Goodbye dignity.", 1),
    ("Put salt in my coffee instead of sugar and drank half before noticing. Truly gifted.", 0),
    (("Went to the kitchen, forgot why, went back, remembered, went again, forgot again. Brain on "
      "dial-up."),
     0),
    (("Tried to look cool parallel parking outside a cafe. Took seven attempts. A small crowd "
      "formed. I bowed."),
     0),
    ("Sarah (me) has once again lost her sunglasses. They were on her head.", 0),
    (("nothing humbles you like missing an open goal at five-a-side in front of your mates. I'm "
      "fucking hopeless lmao"),
     1),
    ("Sent 'love you' to the plumber instead of my partner. Gonna have to move house now.", 0),
    ("My sense of direction is so bad I got lost in a car park. A small one.", 0),
    (("Baked cookies, set off the smoke alarm, fanned it with a tea towel for ten minutes. Star "
      "baker over here."),
     0),
    (("fuck me, I just walked straight into a glass door at the bank. the security guard pretended "
      "not to see. hero."),
     1),
    (("me: I'll just rest my eyes for five minutes. also me: wakes up at 4pm with a keyboard "
      "imprint on my cheek"),
     0),
    (("Took a bold fashion risk today. The risk was mustard corduroy. The result was me looking "
      "like a sofa."),
     0),
    (("Absolute shitshow of a morning: shirt on backwards, coffee down the front, then realised it "
      "was Saturday."),
     1),
    ("I have the reflexes of a sleepy sloth. Dropped my phone on my own face in bed. Again.", 0),
    (("Went to the gym, forgot my trainers, did the whole session in socks. Absolute fucking "
      "legend, clearly."),
     1),
    (("Accidentally liked a photo from 2016 while scrolling. Time to change my name and take up "
      "goat farming."),
     0),
    (("shit shit shit I called my new manager by the wrong name for an entire meeting and she was "
      "too polite to correct me lol"),
     1),
    (("why the fuck did I think I could build flatpack furniture without the instructions. four "
      "spare screws and a wobbly shelf"),
     1),
    (("Handed my auntie the pepper grinder when she asked for salt, with total confidence. Not my "
      "sharpest moment."),
     0),
    ("i am the reason shampoo bottles have instructions", 0),
    (("Locked myself out of my own router. Three times. Tech support should put my photo on the "
      "wall."),
     0),
    (("Joined a netball team to be sporty. Caught the ball with my face. Twice. Team MVP (most "
      "valuable punchline)."),
     0),
    ("Me, a grown adult with a degree: can't fold a fitted sheet, loses a fight to a jar lid.", 0),
    (("what a dumbass move, I wrote the whole essay and saved it as 'untitled 47' somewhere in the "
      "void"),
     1),
    (("Spent twenty minutes searching for my glasses while wearing my glasses. Top tier detective "
      "work."),
     0),
    ("the audacity of me to think i could cut my own fringe. looking like a startled mushroom rn",
     0),
    ("Fell asleep on the train and woke up two towns past my stop. Lovely scenic detour though!",
     0),
    (("Sang happy birthday to my cousin in the group chat. It was his sister's birthday. I'm a "
      "fucking disaster lmao"),
     1),
    ("Bought a fancy planner to get organised. Lost the planner. We love growth.", 0),
    (("Whacked my funny bone on the same doorframe for the fifth time this week. The doorframe is "
      "winning."),
     0),
    (("Typed my password into the username box while sharing my screen on a call. Shit. Changing "
      "everything now lol"),
     1),
    (("Ordered 'a couple' of bananas online and got 20. I'm the banana guy now. Math is hard, "
      "apparently."),
     0),
    ("My plants see me coming with the watering can and start writing their wills.", 0),
    ("i'm a dumbass who bought two left shoes in the sale and only noticed at the bus stop", 1),
    ("Nobody: / Me at 2am: googling whether fish get thirsty instead of sleeping", 0),
    ("Said 'you too' to the waiter who told me to enjoy my meal. I'm built different (badly).", 0),
    (("Holy shit I just realised I've been pronouncing 'quinoa' wrong for ten years. Out loud. "
      "Confidently."),
     1),
    (("Jamie here, reporting that Jamie once again forgot to defrost dinner and is eating cereal "
      "at 8pm. Jamie regrets nothing."),
     0),
    ("tried a kickflip at 30 and now i walk like a penguin. worth it tbh", 0),
    (("Fucked up the curry so badly the dog sniffed it and walked off. Smoke alarm gave a standing "
      "ovation though."),
     1),
    (("Sat through an entire lecture in the wrong room during my first week of uni. Top student "
      "energy."),
     0),
    (("Made a to-do list to get my life together, then lost it. Shit you not, it turned up in the "
      "freezer."),
     1),
    (("Every year I swear I'll be decent at bowling and every year I'm the one begging for "
      "bumpers. Gutter queen, that's me."),
     0),
    (("autocorrect turned 'running late' into 'running naked' while texting my landlord and my "
      "dumb ass hit send lmao"),
     1),
    (("Why do I do this to myself: rehearsed ordering a coffee in my head, got to the counter, and "
      "said 'hi, I'm a latte'."),
     0),
    (("Dropped my phone in the toilet, fished it out, dropped it again. Shit luck or shit hands, "
      "you decide"),
     1),
    ("I'm the kind of person who trips going UP stairs. Elegance is my middle name (it isn't).", 0),
)

#: (post by a member at risk, a peer's supportive reply; the replier is not at risk).
VARIED_SUPPORT_REPLY: tuple[tuple[str, str], ...] = (
    ("i want to die. i'm so tired of being misgendered at work every single day",
     ("you said you want to die - thank you for telling us. Being misgendered daily wears anyone "
      "down. Are you thinking of killing yourself tonight? I'm staying in this thread with you.")),
    ("kms if my dad finds out im gay lol",
     ("hey, I'm taking the kms seriously even with the lol. are you safe at home right now? if you "
      "want, we can look up an LGBTQ youth line together.")),
    (("my family would honestly be relieved if I was gone. my visa got rejected again and I'm just "
      "a cost to my sister"),
     ("I would miss you. Your sister helps because she loves you, not because she's keeping score. "
      "A rejected visa is a setback, not a verdict on you. Are you having thoughts of ending your "
      "life?")),
    ("i have the pills saved up. friday is the day.",
     ("Please call 911 or your local emergency number, or hand those pills to someone you trust "
      "tonight. You matter to me. Will you tell me where you are?")),
    ("relapsed tonight after 8 months clean from cutting. feel like a failure",
     ("eight months is real and tonight doesn't erase it. Please look after the wound, and if it's "
      "deep or won't stop bleeding get it checked at urgent care. Proud of you for posting instead "
      "of hiding.")),
    ("this is goodbye. thank you all for being kinder to me than my church ever was",
     ("Please don't go. Are you safe right now? Could you call 988 or message a crisis line while "
      "I stay here? We aren't done knowing you.")),
    ("I keep thinking it would be easier if I just didn't wake up",
     ("That sounds exhausting. Passive thoughts like that still deserve attention - could you "
      "mention them to your GP this week? I'm around if you want company tonight.")),
    ("ctb tonight. dont try to stop me",
     ("I'm not going to lecture you, but I'm not leaving either. Please text HOME to 741741 or "
      "ring emergency services. What happened today?")),
    (("wheelchair user, benefits cut, landlord wants me out. I honestly can't see a reason to stay "
      "alive"),
     ("that's a brutal pile of things at once and your feelings make sense. is suicide on your "
      "mind? samaritans are on 116 123 day or night. i'll keep checking in here.")),
    ("short one: i'm done", "Done how? Are you safe?"),
    (("im a burden to everyone. my mum has to help me shower since the stroke and i hate being "
      "alive"),
     ("Needing help isn't the same as being a burden. Your mum helping you is love, not a debt. "
      "When you say you hate being alive, do you mean you might end it? Please tell someone near "
      "you tonight.")),
    ("thinking about unaliving myself ngl",
     ("ngl that scares me for you. is it right now or more like background noise? either way a "
      "text line is there, and so am i.")),
    ("I wrote letters to my kids today. just in case.",
     ("Letters 'just in case' makes me worried. Are you planning to take your own life? Please put "
      "them away and phone a crisis line or someone close. Your kids would far rather have you "
      "than letters.")),
    ("I'm 71, my wife died in spring, and nobody would notice if I was gone.",
     ("I would notice, and others here would too. Grief at any age can bring these thoughts. Do "
      "you have a GP you trust? Would you ring them on Monday, and ring Samaritans tonight if it "
      "gets heavy?")),
    ("Sorry for posting again. burned myself again. it's not bad.",
     ("No need to say sorry. Please take care of it and let a nurse or pharmacist look if it "
      "blisters or gets red. How are you feeling now?")),
    (("I am not wanting to live anymore. In my country they would kill me for being trans, here "
      "nobody wants me."),
     ("I understand you, friend. Me also I was refugee and I was thinking like this in first year. "
      "Now I am okay and I am happy I stayed. Please you call the crisis line, they have "
      "interpreters. Are you safe now?")),
    ("bought rope today",
     ("I'm really glad you told us. Please call emergency services right now, and get it out of "
      "the house - give it to a neighbour or bin it. Are you alone?")),
    ("my date is the 14th. I have it all worked out",
     ("Thank you for trusting us with the date. That means there's time between now and the 14th "
      "to get help. Will you call 988 today and tell them exactly what you told us? I'll be here "
      "after.")),
    ("Being told by my imam I'm going to hell for being bi has made me want to disappear forever",
     ("Want to disappear forever - do you mean suicide? I'm asking because I care. There are "
      "Muslim LGBTQ groups and helplines who get it. You don't deserve any of this.")),
    ("lowkey wish a bus would hit me so i dont have to deal with school",
     ("that wish is heavier than the lowkey makes it sound. are you thinking about killing "
      "yourself? could you tell a school counsellor or an adult you trust this week?")),
    ("I'm fine just tired of existing",
     "Tired of existing can mean a lot. Is tonight a safe night for you?"),
    ("it's 3am and the knife is next to me",
     ("Please put the knife in another room right now, then come back and tell me you did. If you "
      "feel you might use it, call an ambulance. I'm not going anywhere.")),
    ("What's the point. Nobody hires a deaf Black woman anyway. I'm out.",
     ("Blunt question: are you planning to kill yourself? If yes, please contact a crisis service "
      "now - lots offer text and relay for Deaf folks. A racist, ableist job market isn't your "
      "failure.")),
    ("i relapsed and my arms are a mess, dont judge",
     ("no judging here!! um i'm not great with words but please take care of the cuts and get them "
      "looked at if they're deep. and maybe tell your therapist? you're still you and we still "
      "like you")),
    ("honestly done. dont want to wake up tmrw",
     "Thank you for saying it out loud. Is it tonight? Can you call someone?"),
    ("Reckon I'm just gonna end it mate. Centrelink's stuffed me around for the last time.",
     ("Mate, Centrelink can grind anyone down. But please ring Lifeline on 13 11 14, they're "
      "decent. Are you safe at the moment? Happy to yarn here as long as you need.")),
    (("My parents are fixing my marriage and I cannot tell them I am lesbian. I think only way out "
      "is to finish myself."),
     ("Please don't finish yourself, didi. There are other ways out even if you can't see them "
      "today. Will you call Tele-MANAS at 14416 or iCall? Are you having a plan? I am here only, "
      "talk to me.")),
    ("Been stockpiling my meds for weeks. Not sure why I'm telling anyone.",
     ("Maybe part of you wants someone to know, and I'm really glad that part spoke up. Could you "
      "hand the extra meds to a pharmacist? Please ring 999 or Samaritans if tonight feels "
      "dangerous.")),
    ("Deleting my accounts after this. Love you all. Take care of each other.",
     ("Wait - this reads like a goodbye. Are you thinking of suicide? Please stay and talk to us, "
      "or reach a helpline. I'd really miss your posts and your terrible puns.")),
    ("My carers would finally get a break if I wasn't here",
     ("Your carers' break isn't worth more than your life. I'm sure they'd choose you. Are these "
      "thoughts about suicide? Please tell one of them how bad it's gotten.")),
    (("i just got home from my shift and the manager called me a terrorist again in front of "
      "everyone and i sat in the car for an hour thinking about driving into the wall"),
     ("that's horrifying and you didn't deserve any of it. i'm glad you made it home. are those "
      "thoughts still there now? please don't drive tonight if they come back. can you call a "
      "friend?")),
    ("unalive hours fr", "hey, you doing okay? like actually?"),
    ("I cut again. Third time this week.",
     ("Thanks for telling us instead of keeping it to yourself. Are the cuts cleaned and cared "
      "for? If any need stitches, please get them seen. Could your therapist hear about this "
      "week?")),
    ("At my age what's left. I've outlived everyone. I pray each night not to wake up.",
     ("I'm sorry you're carrying so much loss. Praying not to wake up tells me you're really "
      "hurting. Would you talk to your doctor or a chaplain? I'd like to hear about the people "
      "you've loved, if you'll tell me.")),
    ("Nobody understands how heavy it is. I've decided, I'm going this weekend.",
     ("I used to feel that weight too - four years ago I had a weekend picked out. I told my "
      "sister and she got me to hospital. It took a while, but life got lighter, and I'm so glad I "
      "stayed. Please tell someone today, and call 988 if it's getting close. Is anyone with you "
      "this weekend, or are you on your own?")),
    ("kms kms kms", "I see you. Talk to me?"),
    ("I'm just a drain on my husband since I got sick. He'd remarry and be happy.",
     ("I'd miss you, and I suspect he would be wrecked, not relieved. Illness lies to us about our "
      "worth. Have you been thinking about ending things? Please tell him, or your doctor, how "
      "dark it's gotten.")),
    (("my mom said she'd rather have a dead son than a trans daughter. maybe i'll give her what "
      "she wants"),
     ("that's a horrible thing for a parent to say and it's not your fault. is killing yourself on "
      "your mind? the trevor project has chat, text and phone and they really get it. please stay, "
      "we want you here.")),
    ("not gonna make it to my birthday",
     ("Do you mean you're planning to end your life before your birthday? I want you to make it. "
      "Please reach out to a crisis line tonight.")),
    ("had a bad night, took more than i should have. feel weird now",
     ("Please call emergency services or poison control right now, even if you feel okay-ish. "
      "Don't wait to see. Is anyone with you?")),
    ("I hope I don't wake up tomorrow. Sorry to be dramatic.",
     "Not dramatic at all. I'm glad you said it. Could you let someone near you know?"),
    ("I went to the bridge yesterday. I didn't do it. I'm going back.",
     ("I'm so relieved you came home yesterday. Please don't go back alone - call 988 or get "
      "someone to stay with you. What happened that made you go?")),
    ("panic attack, urge to hurt myself is so strong rn",
     ("ok breathe with me. name five things you can see, four you can touch. hold an ice cube or "
      "splash cold water on your face. the urge will peak and pass. are you safe this minute?")),
    (("everyone at the mosque stares at me since I stopped wearing hijab. my family won't speak to "
      "me. I just want it all to stop."),
     ("That sounds so lonely. When you say you want it all to stop, is that about suicide? You "
      "deserve people who love you as you are. Would you contact a crisis line, and stay with us "
      "here?")),
    ("tonight's the night. bye.", "Call 988 now. Please."),
    ("I'm autistic and I've been bullied my whole life. I keep thinking about how to end it.",
     ("I'm autistic too, and in college I had those same thoughts daily. A therapist who "
      "understood autism helped me a lot, and I'm really glad I'm still here. Are you safe now? A "
      "text line might be easier if phones are hard.")),
    ("sometimes i think my family would be better off with the insurance money",
     ("they would not be better off. they'd have money and a hole where you used to be. are you "
      "considering killing yourself? please talk to somebody tonight.")),
    ("Used again after 2 years sober and honestly want to die from the shame",
     ("Relapse is part of a lot of recovery stories, including mine. Two years still counts. "
      "Please call your sponsor or a helpline, and let's get you through tonight.")),
    (("I have come to the conclusion that my continued existence is a net negative for those "
      "around me."),
     ("I respectfully but firmly disagree with that conclusion. Depression is very persuasive. May "
      "I ask directly: are you considering suicide? I would urge you to contact your GP or a "
      "crisis line today.")),
    ("scratched myself til it bled after the racist comments at uni today",
     ("I'm sorry uni was like that today. Please clean the scratches and keep them covered. Is "
      "there a student wellbeing service or a friend you could talk to tomorrow? You did nothing "
      "to deserve it.")),
    ("my boyfriend left because I'm disabled and I have enough pills to end it",
     ("I'm so sorry. Please move those pills out of reach - give them to someone or drop them at a "
      "pharmacy. Is it tonight? If so, dial emergency services. You're worth more than his "
      "leaving.")),
    ("no one would come to my funeral anyway",
     "I'd come. But I'd much rather you stay. Are you okay?"),
    (("immigration detention for 6 months, they're deporting me next week, I'll kill myself before "
      "I go back"),
     ("I'm taking that seriously. Can you tell the detention health staff or your lawyer how "
      "you're feeling? Are you safe where you are? Please don't go through this alone.")),
    ("I'm so tired. tired tired tired. I want to sleep forever.",
     "sleep forever sounds like you mean not waking up. is that what you mean? i'm here."),
    ("😔 i think this is my last post",
     ("please don't let it be 💜 are you thinking about ending your life? can you reach 988 or a "
      "friend right now? staying here with you")),
    ("my therapist dropped me and I'm spiralling. i don't want to be alive",
     ("ugh, losing your therapist mid-crisis is awful. you said you don't want to be alive - are "
      "you thinking of acting on it? your GP can re-refer you, and a crisis line can hold you till "
      "then.")),
    ("I'm 16, gay, in a tiny town, I feel like dying is the only way out",
     ("16 and stuck in a tiny town is so hard, but it's not forever. I was the only out kid in my "
      "town once and I'm 28 now and happy. Please talk to a school counsellor or a youth line. Are "
      "you safe tonight?")),
    ("I tried last month and it didn't work. I'll get it right next time.",
     ("I'm really glad you're still here, even if you're not yet. Does your doctor know about last "
      "month? Please tell them, and call a crisis line if it feels close. I'm here.")),
    ("stop telling me to call a hotline. i hate phones.",
     "fair. text lines exist, and so do web chats. or just talk to me here. are you safe?"),
    ("feeling like a waste of oxygen today",
     "You're not a waste of anything. Rough day? Want to talk about what happened?"),
    ("I said goodbye to my dog tonight. She'll be okay with my neighbour.",
     ("That worries me a lot. Do you intend to kill yourself? Please phone 911 now. Your dog would "
      "miss you so much, and so would I.")),
    ("ctb thoughts are loud again",
     ("thanks for saying so. loud like you might act on them, or loud like background? either way, "
      "can you reach your safety plan?")),
    ("I'm a pastor's kid and I'm queer and I keep wishing I'd just die in my sleep",
     ("Wishing you'd die in your sleep is a lot to carry alone. I grew up in the church too and "
      "had those thoughts at 17; I'm doing well now. Is there one safe adult you can tell? You're "
      "not broken.")),
    ("hurt myself after the call with my ex, it's worse than usual",
     ("Please get it looked at if it's worse than usual - urgent care, a nurse, whatever's "
      "closest. Wound care first, feelings second. Can anyone take you?")),
    ("i think i want to die but i also dont?",
     ("that makes total sense honestly, both can be true. um. how about calling or texting a "
      "crisis line and telling them exactly that? i'm around")),
    ("disabled, broke, alone. why am I still here",
     ("Because you matter, even on days it doesn't feel true. Is suicide something you're thinking "
      "about? Tell us what's going on.")),
    ("I won't be a problem for anyone after tonight",
     ("You're not a problem to me. Do you have a plan for tonight? If so, please get emergency "
      "help now. Where are you right now?")),
    ("Living with HIV and my family found out. Already picked a date.",
     ("I'm glad you posted this. A date means this is urgent - please call a crisis line now. HIV "
      "is nothing shameful, and your family's reaction isn't the end of your story.")),
    (("Been through Jim Crow and all of it and never felt this low. Don't see the point of going "
      "on."),
     ("You've survived so much, and this low is real. Are you thinking of ending your life, sir? "
      "Please call your doctor or 988. I'd be glad to keep talking here too.")),
    ("honestly hope the chemo fails. less hassle for everyone",
     ("hey, that sounds like you're exhausted and hurting, not like you're a hassle. are you "
      "wanting to die? could your oncology nurse or a counsellor hear this? i'm staying right "
      "here.")),
)
