from llmlanding.entry import main

main()
