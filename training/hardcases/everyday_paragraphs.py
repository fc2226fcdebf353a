"""Ordinary paragraphs that open a long post before its point: the filler of the
``varied_long`` functionalities (``generator.VARIED_LONG_FUNCTIONALITIES``).

Written on 2026-12-05 by a helper session that never saw the evaluation suites, the long-post
probes (``eval/long_post_probes.py``) or any other part of the project: 2-4 sentences each,
about work, school, chores, family, hobbies, paperwork, routine appointments, accessibility
errands and community events, with no word of death, injury, sadness or hate, so that the
ending alone decides a long post's labels. No two share a run of five words (tested).
"""

from __future__ import annotations

PARAGRAPHS: tuple[str, ...] = (
    ("Quick update before the actual question. I picked up two extra shifts at the warehouse "
     "this week because a coworker is on holiday, so my schedule has been early starts and "
     "late lunches. The upside is the overtime will cover the new winter boots I have been "
     "eyeing since October."),
    ("Hi all, long time reader here. My manager finally switched me to the weekend rota at "
     "the café, which means Saturdays start at six and I get Wednesdays off instead. "
     "Honestly I like having a quiet weekday for errands when the post office is empty."),
    ("this week at the call centre was mostly training on the new ticket software. it has "
     "about forty buttons and nobody knows what half of them do yet, including the trainer "
     "lol. still, the headsets are way more comfortable than the old ones."),
    ("Some background first. There is a big debate at my office about whether the team lunch "
     "should move from Friday to Thursday, and it has somehow taken up three meetings. I "
     "voted for Thursday mainly because Friday is when the good bakery downstairs sells out "
     "early."),
    ("Before I get into it, a little context. My department got a new director last month "
     "and she has rearranged the seating plan twice already. I ended up next to the window "
     "and the printer, which is great for daylight and less great for hearing everyone's "
     "print jobs."),
    ("Hey everyone. Term started again on Monday and my timetable has chemistry first thing "
     "three days a week, which is a lot of bunsen burners before breakfast. My lab partner "
     "is the same guy from last year though, so at least we already know who measures and "
     "who writes things down."),
    ("ok so school update. our history teacher is letting us pick our own project topic this "
     "term and i chose the local canal and how it was built. been spending lunch breaks in "
     "the library looking at old maps and its honestly more fun than i expected."),
    ("Exams are coming up, so a quick intro to where I am at. My timetable came out "
     "yesterday and I have four papers in six days, with maths and economics back to back on "
     "Tuesday. I made a colour-coded revision calendar and stuck it on the fridge so my "
     "flatmates know when to keep the music down."),
    ("Exam season update: the university moved my statistics paper from the morning to the "
     "afternoon slot. That actually suits me better because my brain does not fully switch "
     "on before ten. I have been doing past papers at the kitchen table with a teapot that "
     "never seems to empty."),
    ("Evening all. I spent most of Sunday helping my nephew with his geography homework "
     "about river erosion, and I think I learned more than he did. We built a little model "
     "out of sand in a baking tray and he insisted on photographing every stage for his "
     "teacher."),
    ("hi. my homework pile this week is mostly reading for english lit, we are doing a play "
     "and everyone has a part to read aloud on friday. i got the grumpy innkeeper which is a "
     "small part but he has the best lines imo."),
    ("Morning, everyone. Saturday was a full chores day at my place: laundry, defrosting the "
     "freezer, and finally scrubbing the grout in the bathroom. It is weirdly satisfying to "
     "see the tiles white again, and I found two lost socks behind the washing machine."),
    ("Small life update first. My housemates and I made a new chore wheel out of a paper "
     "plate and a split pin, and so far it is working better than the group chat ever did. "
     "This week I have bins and hoovering, which I honestly do not mind."),
    ("Thought I would set the scene a bit. I did a big grocery run after work on Thursday "
     "because the supermarket had a discount on rice and lentils. My trolley was so heavy "
     "that one wheel kept pulling left the whole way round, and the cashier and I got "
     "talking about her favourite dal recipe."),
    ("Anyway, quick background. I have started going to the Saturday farmers' market instead "
     "of the big supermarket, mostly for the vegetables. The apple man now recognises me and "
     "saves the crunchy ones for me, which feels like a small life achievement."),
    ("Hello again. I tried making my grandmother's jollof rice from memory on Sunday, and it "
     "came out close but not quite. My mum says I need more patience with the tomato base, "
     "so next weekend I am going to let it simmer properly and not rush it."),
    ("cooking update because why not. i finally learned to make fresh pasta from scratch, no "
     "machine, just a rolling pin and a lot of flour on every surface. my flatmate said the "
     "tagliatelle looked a bit wonky but she had two helpings so i am counting it as a win 🍝"),
    ("Sharing a recipe win before my actual question. I found a slow cooker chickpea curry "
     "online that only needs about ten ingredients, and it made enough for four lunches. I "
     "swapped the spinach for kale because that was what I had, and nobody at work could "
     "tell."),
    ("Hi everyone. My aunt sent me her banana bread recipe as a photo of a handwritten card, "
     "and half the measurements are in her own shorthand. After some detective work I "
     "figured out that 'BP' means baking powder, and the loaf turned out lovely and moist."),
    ("Weather report from my corner of the world: it has rained every single day this week. "
     "My umbrella turned inside out on Tuesday and I gave up and bought a proper raincoat "
     "with a hood. Now I am almost looking forward to the drizzle just to test it."),
    ("Good evening all. We finally had our first proper sunny weekend of spring, so I "
     "dragged a chair onto the balcony and read for about three hours. The neighbour's cat "
     "came to sit on the railing and supervise, which is now apparently a regular "
     "arrangement."),
    ("Morning update from the train. My usual 7:42 has been replaced by a bus service for "
     "the next two weeks because of track works, which adds twenty minutes each way. On the "
     "bright side I have finished a whole audiobook on the extra journey time."),
    ("hey all. started cycling to work instead of taking the tram, its about 25 minutes "
     "along the river path. first week my legs were complaining but now im kind of hooked, "
     "plus i get to see the herons every morning."),
    ("Bit of a garage saga this week. My car's check engine light came on, and after a day "
     "at the mechanic it turned out to be a loose sensor cable. The repair was far cheaper "
     "than I was bracing for, so I treated myself to a car wash on the way home."),
    ("Hi. I spent Saturday morning fixing a flat tyre on my bike with a video tutorial "
     "propped up on the steps. It took three tries to get the tube seated properly, but I "
     "did it without help, and now I feel ready to do my own brake pads next."),
    ("Pet update first, as is tradition. Our rescue greyhound has discovered the sofa and "
     "now refuses to lie anywhere else. We bought him a very expensive orthopaedic bed that "
     "he sniffed once and ignored completely."),
    ("Hi everyone! My hamster Biscuit figured out how to open the little door on her cage, "
     "so now it has a hair clip on it. She spent the evening staring at me like I had "
     "personally offended her. Pets are funny."),
    ("Let me start with the fun part. We adopted two kittens from the shelter on Monday, a "
     "ginger one and a grey one, and the flat has been chaos in the best way. The curtains "
     "are now officially a climbing wall and I have accepted it."),
    ("Plant news to kick things off. My monstera put out a new leaf this week and it has the "
     "proper splits in it for the first time. I may have shown the photo to everyone at "
     "work, including people I barely know."),
    ("Bit of a random start. I repotted all my windowsill herbs on Sunday because the basil "
     "had outgrown its tub. The kitchen smelled amazing afterwards and I used the extra mint "
     "for a big jug of iced tea."),
    ("Allotment update from me. The broad beans are finally up and the courgettes are doing "
     "that thing where they all arrive at once. I have been swapping them with the "
     "neighbours for eggs and chutney, which is a pretty good exchange rate."),
    ("Hello from the back garden. My partner and I spent the bank holiday building a raised "
     "bed out of old scaffold boards, and it actually looks level. Tomorrow we are filling "
     "it with compost and planting strawberries, fingers crossed the slugs do not find them."),
    ("Quick sport update first. Our Sunday league football team won for the first time this "
     "season, three goals to one, and I even got an assist. We celebrated with chips in the "
     "car park like true professionals."),
    ("Hey. Basketball practice moved to Tuesday nights this month because the sports hall is "
     "getting its floor redone. The temporary court at the community centre is smaller, so "
     "all our passes keep sailing out of bounds."),
    ("Morning all. I joined a wheelchair rugby taster session last weekend with a friend "
     "from work, and it was so much more tactical than I expected. The chairs are built like "
     "bumper cars and everyone was really welcoming to beginners."),
    ("Gym update, because I promised myself I would keep track. I have been going three "
     "times a week for a month now and I can finally squat my own body weight. The regulars "
     "have started nodding at me in the changing room, which feels like a big deal."),
    ("Just a bit of context before my question. I signed up for a beginner yoga class at the "
     "leisure centre on Thursday evenings. Turns out I am about as flexible as a plank of "
     "wood, but the teacher is patient and the room has a lovely view of the park."),
    ("Gaming update from me. My friends and I started a weekly board game night and this "
     "week we played a four-hour round of a trading game about building railways. I came "
     "second, which everyone agrees is the most respectable place to finish."),
    ("hi all. been playing a cosy farming game in the evenings, you grow crops and befriend "
     "the villagers and thats pretty much it. i spent a whole hour tonight decorating a "
     "chicken coop and have no regrets"),
    ("Quick TV chat before the real topic. I finally started the baking competition show "
     "everyone at work keeps talking about, and now I understand the fuss. I watched five "
     "episodes on Saturday and then tried making a plaited loaf, which looked more like a "
     "pretzel."),
    ("Evening. My partner and I are working through a very long detective series from the "
     "nineties, one episode a night after dinner. We keep trying to guess the culprit and so "
     "far I am winning eleven to seven."),
    ("Book corner, as usual. I joined the library book club and this month's pick is a fat "
     "historical novel set in a spice-trading port. I am about halfway through and I already "
     "have strong opinions about the harbourmaster."),
    ("Hiya. Finished a really good sci-fi book on the bus this week about a generation ship "
     "and a botanist who runs the onboard garden. Recommended it to my sister and now we "
     "have our own two-person book club going."),
    ("Music practice update. I am learning a new piece on the piano for my grade four exam "
     "and the left hand part is a proper workout for my fingers. My neighbour knocked on "
     "Sunday, but only to say she recognised the tune and liked it."),
    ("Choir rehearsals are back after the summer break and we are learning a gospel "
     "arrangement for the spring concert. I am in the altos, which means I spend a lot of "
     "time singing the same few bars while the sopranos get the melody."),
    ("ok quick context. i got a secondhand violin for my birthday and have been doing 20 "
     "minutes of scales every evening. my flatmate says it sounds less like a squeaky gate "
     "than it did last month, which i choose to take as praise."),
    ("Crafting update first. I am knitting a blanket out of leftover yarn from all my old "
     "projects, so it is going to be gloriously mismatched. Each square takes about one "
     "episode of a sitcom, which is a handy way to measure progress."),
    ("Hello lovely people. I went to a pottery taster class on Saturday and made a mug that "
     "is very clearly leaning to one side. The teacher said it has character, and I am going "
     "to drink my tea out of it every day anyway."),
    ("Life update: we are moving flat at the end of the month, so everything is in boxes. I "
     "labelled them very carefully at first and by box twenty I was just writing 'stuff' on "
     "the side. The new place has a bigger kitchen, so I am excited about that."),
    ("hey all, currently sitting on a mattress on the floor of my new flat surrounded by "
     "cardboard. the internet gets connected on thursday so im posting from my phone. first "
     "job tomorrow is finding the box with the kettle"),
    ("Some housekeeping first. My landlord finally sent someone round to fix the dripping "
     "kitchen tap after three reminder emails. The plumber was lovely and also sorted the "
     "wobbly toilet seat without being asked, so I am calling that a good week."),
    ("Some context. Our landlord is repainting the stairwell this month, so the hallway "
     "smells like fresh paint and there are dust sheets everywhere. He also asked which "
     "colour we wanted for the front door and I campaigned hard for dark green."),
    ("Admin day update. I spent Tuesday evening sorting out my tax return and reorganising "
     "all my paperwork into labelled folders. It took three cups of coffee, but I now know "
     "exactly where my payslips and council tax letters live."),
    ("hello. had to call the energy company this week because they sent me a bill for a "
     "meter reading from someone elses flat. it took forty minutes on hold with some very "
     "jazzy hold music but its fixed now"),
    ("Admin news first. I had my residence permit renewal appointment on Wednesday and it "
     "went smoothly, apart from the photo booth swallowing two coins. The officer was "
     "friendly and said the new card should arrive by post within a month."),
    ("My visa biometrics appointment was at 8am on a Monday, across town, so I left the "
     "house while it was still dark. The whole thing took twelve minutes and I celebrated "
     "with a pastry from the bakery next door."),
    ("Routine stuff first. I had my yearly dentist check-up on Friday and got a gold star, "
     "metaphorically, for flossing. The hygienist did tell me to ease off the fizzy drinks, "
     "which is fair. I am switching to sparkling water with lemon and pretending it is the "
     "same thing."),
    ("went for a routine eye test and apparently i need glasses for reading now. picked some "
     "tortoiseshell frames and my friends say i look like a university lecturer which i am "
     "choosing to accept. the optician even threw in a free case with little stars on it"),
    ("I had a regular GP check-up this week that I had been putting off, just a general "
     "look-over and the usual questions about exercise. Everything was fine, and the nurse "
     "gave me a leaflet about a free walking group that meets in the park on Wednesdays."),
    ("Family logistics update. My sister, my brother and I are trying to plan our parents' "
     "anniversary dinner over a group chat, and it is a lot of messages about restaurants. "
     "We finally picked an Ethiopian place near their house that does a great vegetarian "
     "platter."),
    ("This week was all about the school run rota with the other parents on our street. We "
     "now have a shared calendar, a backup driver for Fridays, and a very strict rule about "
     "who brings snacks."),
    ("Kid update before my actual post. My six-year-old has decided she wants to be a "
     "volcano scientist and has asked me roughly a hundred questions about lava. We went to "
     "the library and came home with four picture books about rocks."),
    ("My son lost his first tooth at breakfast today and was very serious about putting it "
     "in an envelope for the tooth fairy. I now need to find a coin and write a tiny letter "
     "in very small handwriting."),
    ("Half term is coming up, so I have been planning cheap days out for the kids: the "
     "science museum, a picnic by the lake, and a trip to the free splash pad. My youngest "
     "has already packed her bucket and spade for the lake, just in case."),
    ("Family news first. My grandparents are visiting from Lahore for three weeks, so our "
     "house is full of the smell of parathas every morning. My grandfather has taken over "
     "the garden and is already advising my dad about the roses."),
    ("Quick update. My nan came to stay for the weekend and we spent Saturday doing a jigsaw "
     "of a lighthouse that turned out to be two thousand pieces. We got the frame done and "
     "about half the sky, and she is determined to finish it next visit."),
    ("I met up with two old school friends on Saturday for the first time in ages, and we "
     "ended up talking in a café for four hours. We have promised to make it a monthly "
     "thing, and this time I think we actually mean it."),
    ("My best mate and I have started a tradition of trying a new cuisine every other "
     "Friday. This week was Georgian food, and the cheese bread shaped like a little boat "
     "was incredible, so now I want to learn how to make it."),
    ("Wedding season update! My cousin got married on Saturday in a beautiful Sikh ceremony "
     "and then we danced until the venue staff started stacking chairs. My feet are still "
     "recovering, but my aunties have already asked who is next."),
    ("Hi folks. I am a groomsman at my friend Daniel's wedding next month, and his fiancé "
     "Marco has put us all in matching mustard waistcoats. The fitting was on Thursday and "
     "honestly we look very smart."),
    ("Before I start, some context. I was asked to bake the cake for my colleague's small "
     "wedding party, which is flattering and also a big job. I did a test run with three "
     "tiers of lemon sponge and it mostly stayed upright."),
    ("Ramadan update from me. I have been going to iftar at our local mosque on weekends, "
     "and the volunteers there cook for about two hundred people each night. I signed up to "
     "help with the washing up on Saturday, and somehow ended up in charge of the dates."),
    ("Our church bake sale was on Sunday and I was on the scones table from nine until noon. "
     "We raised enough for the new hymn books, and I was sent home with an alarming number "
     "of leftover flapjacks."),
    ("Diwali shopping happened this week! My mum and I spent Saturday in the market picking "
     "out diyas, new kurtas and far too many boxes of sweets. The whole street was already "
     "lit up with fairy lights and it looked beautiful ✨"),
    ("I joined the synagogue choir this autumn and we are rehearsing songs for Hanukkah. The "
     "choir leader is very enthusiastic about harmonies, and I am slowly getting the hang of "
     "reading Hebrew while also keeping the tune."),
    ("Quick update on pride picnic planning. Our group booked a spot in the park for the "
     "final Saturday of June, and I am on the snacks and bunting committee. We have already "
     "had a long debate about whether a rainbow fruit platter is too obvious (it is not, it "
     "is perfect) 🌈"),
    ("The gurdwara near us does a community langar every Sunday and this week I helped roll "
     "rotis for the first time. The uncles on the tawa were very patient with my uneven "
     "circles, and one of them showed me the wrist trick."),
    ("Our neighbourhood put on a Lunar New Year celebration at the community hall, with lion "
     "dancers and a dumpling-making table. I folded about sixty dumplings and only a few of "
     "them fell apart in the pot."),
    ("The Eid fair at the park was on Saturday and the weather held up perfectly. My little "
     "cousins went on the bouncy castle about nine times and I ate more samosas and falooda "
     "than I want to admit."),
    ("Errand day update. I finally got the council to install a proper wheelchair ramp at "
     "the side entrance of my building, after a few months of forms and site visits. Getting "
     "in with the shopping is now so much easier, and my neighbour with the pram is thrilled "
     "too."),
    ("I started a beginner British Sign Language class on Monday evenings at the adult "
     "learning centre. So far I can fingerspell my name, order a coffee and ask where the "
     "toilets are, which covers most of life honestly."),
    ("small update. went to the audiology clinic to pick up hearing aid batteries and ended "
     "up chatting with the receptionist about her allotment for twenty minutes. came home "
     "with batteries and a bag of rhubarb, not complaining"),
    ("Hello all. My guide dog Maple had her annual review with the trainer this week and "
     "passed with flying colours. She did get slightly distracted by a pigeon at the "
     "crossing, but the trainer laughed and said even the best dogs have their favourite "
     "birds."),
    ("Quick context first. I booked a taxi service that has wheelchair-accessible vans for "
     "my trip to the airport next month. The booking lady talked me through exactly how the "
     "ramp works and even offered to reserve an earlier slot in case of traffic."),
    ("I am now six weeks into my evening Dutch course and I can finally order bread at the "
     "bakery without switching to English. The teacher gives us a new word of the day, and "
     "today it was the word for umbrella, very fitting for this country."),
    ("language class update! we did a role play today where i had to rent a flat in spanish "
     "and i accidentally asked the landlord if the kitchen had a horse. everyone laughed, "
     "including me, and now i will never forget the word for oven"),
    ("Morning. I started English conversation classes at the library this month, and my "
     "group has people from Syria, Brazil, Poland and Vietnam. We spent the latest lesson "
     "describing our favourite breakfast, and now I want to try everything."),
    ("Volunteering update. I have been helping at the food bank on Thursday afternoons, "
     "mostly sorting tins and checking dates. The other volunteers are a retired teacher and "
     "two students, and we have a running competition for who can build the neatest shelf."),
    ("Did my first shift at the animal shelter on Saturday, walking dogs. One of them, a "
     "very fluffy old collie, walked me more than the other way round, and I came home "
     "covered in fur."),
    ("Hello. I volunteered at the community garden clean-up on Sunday, clearing weeds from "
     "the paths and painting the benches. Someone brought a huge pot of vegetable soup for "
     "lunch and we ate it sitting on upturned crates."),
    ("Neighbour news before the main post. The family across the hall just had a baby and "
     "the whole floor has been leaving little gifts by their door. I knitted a tiny yellow "
     "hat, which was my first time following a pattern all the way through."),
    ("hey all. my upstairs neighbour is learning the drums and practises every evening "
     "between six and seven, right on schedule. i have started timing my dinner around it "
     "and tbh he is getting better every week"),
    ("Our street started a group chat for borrowing tools, and this week I borrowed a "
     "pressure washer from number twelve to clean the patio. In return I lent my sewing "
     "machine to the lady at number nine for her daughter's costume."),
    ("Travel update! I got back from a long weekend in Lisbon on Monday and I am still "
     "thinking about the custard tarts. We walked up so many hills that my step counter sent "
     "me a congratulations message."),
    ("hi all, posting from the airport. my flight to see my cousins in Nairobi is delayed by "
     "an hour so im people watching and drinking an overpriced smoothie. packed way too many "
     "presents, my suitcase was exactly on the weight limit"),
    ("We took the overnight train to the mountains for a week of walking, and the little "
     "cabin with bunk beds was so cosy. Every morning started with rye bread and cheese at "
     "the guesthouse, and every evening finished with card games by the stove."),
    ("Work update first. I have been covering night shifts at the hospital reception for a "
     "fortnight, so my body clock is completely confused. I had cereal at 4pm yesterday and "
     "proudly called it breakfast. My flatmates have stopped asking what time of day it is "
     "for me."),
    ("A bit of office gossip to start. Someone keeps taking the good stapler from the shared "
     "desk, and there is now a sign-out sheet taped next to it. My money is on the new "
     "intern, but I have no evidence."),
    ("Parents' evening was on Tuesday and my daughter's form tutor said she has been "
     "brilliant in debate club. She is now practising her arguments on us at dinner, and "
     "last night she convinced her dad that we need a dog."),
    ("hi guys. driving theory test is booked for the 14th so ive been doing the hazard "
     "perception clips every night. the app says im ready but i still click way too early on "
     "most of them"),
    ("Chores report. I finally tackled the cupboard under the stairs this weekend and found "
     "three umbrellas, a bike pump and a box of Christmas decorations from two houses ago. "
     "It is now tidy enough that the door closes without a shove."),
    ("Quick one before I get to it. The corner shop near me started stocking the Polish "
     "bread and pickles I grew up with, and I may have bought the entire shelf. The owner "
     "laughed and said he would order double next week."),
    ("I hosted my first dinner party in the new flat on Friday, for six friends, with a big "
     "pot of chilli and rice. I ran out of matching plates, so half of us ate from mixing "
     "bowls, and it was one of the best evenings I have had in a while."),
    ("Snow day update! The buses stopped running this morning, so I worked from home in two "
     "jumpers and built a very lopsided snowman with my neighbour's kids at lunch. We gave "
     "him a carrot nose and a bobble hat, and he is still standing proudly by the gate. ⛄"),
    ("Evening all. The lift at my usual metro station has been out of order again, so I have "
     "been using the next stop along, which has a working one. It adds ten minutes but the "
     "route passes a great bakery, so it balances out."),
    ("Bike repair update. My chain kept slipping, so I took it to the community bike "
     "workshop where volunteers show you how to fix things yourself. It turned out to need a "
     "new chain and a good clean, and now it runs silently."),
    ("My budgie Kiwi has learned to whistle the first few bars of the theme tune from the "
     "evening news. Nobody in the house taught her on purpose, so we are questioning how "
     "much telly we watch."),
    ("Plant corner update. I have been trying to grow an avocado from a stone over a jar of "
     "water for two months and it finally split and sent down a root. I check it every "
     "morning like a proud parent."),
    ("The community orchard had its apple pressing day on Saturday and I spent the afternoon "
     "turning the handle of an old wooden press. We filled forty bottles of juice and "
     "everyone went home sticky and happy."),
    ("I went to watch my local women's cricket team play on Sunday and brought a flask and a "
     "folding chair like a proper fan. They won by six wickets and the captain signed my "
     "scorecard."),
    ("My mum has discovered Korean dramas and now texts me plot updates every evening with "
     "lots of exclamation marks. I have started watching the same one just so I can keep up "
     "with her. Our phone calls are now mostly us arguing about which of the two brothers "
     "the heroine should pick."),
    ("Quick bookish update. I have been reading a memoir by a deaf chef about running a "
     "restaurant kitchen, and it has made me want to cook everything in it. The chapter on "
     "bread made me start a sourdough starter, which I named Gerald."),
    ("Lately I have been making birthday cards with a little stamp-printing set I got at the "
     "craft fair. My first batch had the lettering backwards, which is apparently a classic "
     "beginner move, but the second batch looks properly professional."),
    ("Moving update. We got the keys to our new ground-floor flat on Friday, and it is the "
     "first place where I can get in and out without asking anyone to help with steps. The "
     "first thing I unpacked was the coffee machine, obviously."),
    ("I switched my phone contract this week to a cheaper plan, which involved a very long "
     "chat with a very polite man called Gary. I am now saving about eight pounds a month, "
     "and I put the difference into a holiday jar."),
    ("My partner's spouse visa paperwork is finally all printed, sorted and in a very thick "
     "folder with coloured tabs. We posted it on Tuesday and then went for a celebratory "
     "curry. Now it is just a matter of checking the tracking page more often than is "
     "reasonable."),
    ("Quick routine update. I took my toddler for his two-year check with the health visitor "
     "and he spent the whole time trying to stack the waiting room toys. She said he is "
     "growing well and talking plenty, which we already knew from the volume."),
    ("A friend from my old job invited me to her birthday karaoke night on Friday, and I "
     "finally sang in public after years of refusing. I picked an old Motown song and a "
     "table of strangers joined in on the chorus."),
    ("Hello from the campsite! We drove to the coast for a few days and pitched the tent on "
     "the first try, which has never happened before. The kids found a rock pool full of "
     "tiny crabs and have named every single one of them."),
    ("Evening everyone. I have started volunteering as a conversation partner for new "
     "arrivals at the refugee centre on Wednesdays. This week my partner Amal taught me how "
     "to make Syrian coffee with cardamom, and I taught her the word for biscuit in three "
     "regional accents."),
)
